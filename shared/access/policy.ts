// Who may do what to which center's data (DESIGN.md decision 2 and Roles). A pure
// function, so the server's guard, the client (to hide what a user cannot use) and the
// tests all ask the same question and get the same answer.
import { centerIds, cityHall } from '../city/index';
import type { Permission } from './permissions';

/** The user as the policy sees them: function permissions plus center scope. */
export interface Actor {
  userId: string;
  permissions: readonly string[];
  /** Every center, including City Hall and centers added later. */
  allCenters: boolean;
  centers: readonly string[];
}

interface ActionRule {
  /** The function permission the action needs; null: any signed-in user. */
  permission: Permission | null;
  /** The action touches one center's data, so the target center must be in scope. */
  centerScoped: boolean;
  /** Case content (persons and their records), which administrators never see. */
  caseContent: boolean;
}

export const accessActions = {
  'case.read': { permission: 'case.read', centerScoped: true, caseContent: true },
  'case.write': { permission: 'case.write', centerScoped: true, caseContent: true },
  'person.write': { permission: 'person.write', centerScoped: true, caseContent: true },
  'person.reassign': { permission: 'person.reassign', centerScoped: true, caseContent: true },
  // Code masters carry no personal data; every case worker needs them.
  'master.read': { permission: 'case.read', centerScoped: false, caseContent: false },
  'master.write': { permission: 'master.write', centerScoped: false, caseContent: false },
  'statistics.read': { permission: 'statistics.read', centerScoped: false, caseContent: false },
  'audit.read': { permission: 'audit.read', centerScoped: false, caseContent: false },
  'audit.export': { permission: 'audit.export', centerScoped: false, caseContent: false },
  // Clients upload the entries they recorded offline, whatever the user's role.
  'audit.upload': { permission: null, centerScoped: false, caseContent: false },
  'user.admin': { permission: 'user.admin', centerScoped: false, caseContent: false },
  'device.admin': { permission: 'device.admin', centerScoped: false, caseContent: false },
  'backup.run': { permission: 'backup.run', centerScoped: false, caseContent: false },
  'migration.run': { permission: 'migration.run', centerScoped: false, caseContent: false },
  /** The signed-in user's own session and profile. */
  self: { permission: null, centerScoped: false, caseContent: false },
} as const satisfies Record<string, ActionRule>;

export type AccessAction = keyof typeof accessActions;
export const isAccessAction = (value: string): value is AccessAction => Object.hasOwn(accessActions, value);

/**
 * Administrators keep the system running without seeing case content, even when someone
 * gives them a case permission by mistake: separation of duties is the city's rule,
 * not a preset.
 */
export const adminPermissions: readonly Permission[] = ['user.admin', 'device.admin'];
export const casePermissions: readonly Permission[] = ['case.read', 'case.write', 'person.write', 'person.reassign'];

export type DenialReason = 'permission' | 'scope' | 'separation';
export type Decision = { allowed: true } | { allowed: false; reason: DenialReason };

/** Every place a person's documents can belong to: the centers and City Hall. */
export const allScopeCenters: readonly string[] = [...centerIds, cityHall];

export function isCenterInScope(actor: Actor, centerId: string): boolean {
  return actor.allCenters ? allScopeCenters.includes(centerId) : actor.centers.includes(centerId);
}

/**
 * May `actor` do `action`, on `targetCenter`'s data when the action is center-scoped?
 * A center-scoped action without a target center asks "on any center at all", which is
 * what a search or a pull needs before it narrows to `centersInScope`.
 */
export function decide(actor: Actor, action: AccessAction, targetCenter?: string): Decision {
  const rule: ActionRule = accessActions[action];
  if (rule.caseContent && actor.permissions.some((p) => (adminPermissions as readonly string[]).includes(p))) {
    return { allowed: false, reason: 'separation' };
  }
  if (rule.permission !== null && !actor.permissions.includes(rule.permission)) return { allowed: false, reason: 'permission' };
  if (rule.centerScoped) {
    const inScope = targetCenter === undefined ? centersInScope(actor).length > 0 : isCenterInScope(actor, targetCenter);
    if (!inScope) return { allowed: false, reason: 'scope' };
  }
  return { allowed: true };
}

/** The centers whose data the actor may touch with `action` (all of scope when omitted). */
export function centersInScope(actor: Actor, action?: AccessAction): string[] {
  const inScope = allScopeCenters.filter((id) => isCenterInScope(actor, id));
  if (action === undefined) return inScope;
  return inScope.filter((id) => decide(actor, action, id).allowed);
}
