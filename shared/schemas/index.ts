import { auditEntrySchema } from './audit-entry';
import { basicChecklistSchema } from './basic-checklist';
import { carePlanSchema } from './care-plan';
import { conflictSchema } from './conflict';
import { consultationSchema } from './consultation';
import { documentSchema } from './document';
import { lifeSupportSurveySchema } from './life-support-survey';
import { masterSchema } from './master';
import { personSchema } from './person';
import { planEvaluationSchema } from './plan-evaluation';
import { providerEvaluationSchema } from './provider-evaluation';
import { providerPlanSchema } from './provider-plan';

export * from './common';
export * from './person';
export * from './consultation';
export * from './basic-checklist';
export * from './care-plan';
export * from './plan-evaluation';
export * from './provider-plan';
export * from './provider-evaluation';
export * from './life-support-survey';
export * from './document';
export * from './master';
export * from './audit-entry';
export * from './conflict';
export * from './user';
export * from './device';

/**
 * How the server decides who receives a collection's documents (DESIGN.md decision 2):
 * - `center`: owned by a person's responsible center (`centerId`); a user receives the
 *   documents of the centers in their scope, and nothing else.
 * - `global`: code masters, no personal data; every case-work user receives them.
 * - `uploadOnly`: clients push (offline audit entries) and never pull.
 */
export type CollectionScope = 'center' | 'global' | 'uploadOnly';

/**
 * The replicated collections: one RxDB collection on the client and one store per scope
 * on the server for each. Twelve of RxDB's sixteen, leaving room for client-local ones
 * (drafts, rejected pushes).
 */
export const collections = {
  persons: { schema: personSchema, scope: 'center' },
  consultations: { schema: consultationSchema, scope: 'center' },
  basicChecklists: { schema: basicChecklistSchema, scope: 'center' },
  carePlans: { schema: carePlanSchema, scope: 'center' },
  planEvaluations: { schema: planEvaluationSchema, scope: 'center' },
  providerPlans: { schema: providerPlanSchema, scope: 'center' },
  providerEvaluations: { schema: providerEvaluationSchema, scope: 'center' },
  lifeSupportSurveys: { schema: lifeSupportSurveySchema, scope: 'center' },
  documents: { schema: documentSchema, scope: 'center' },
  conflicts: { schema: conflictSchema, scope: 'center' },
  masters: { schema: masterSchema, scope: 'global' },
  auditEntries: { schema: auditEntrySchema, scope: 'uploadOnly' },
} as const satisfies Record<string, { schema: { version: number; primaryKey: string }; scope: CollectionScope }>;

export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];
export const isCollectionName = (name: string): name is CollectionName => Object.hasOwn(collections, name);

/** Collections whose documents belong to a person and move with them between centers. */
export const personOwnedCollections = collectionNames.filter(
  (name): name is Exclude<CollectionName, 'masters' | 'auditEntries'> => collections[name].scope === 'center',
);
