// Function permissions are sets on each user ID; a role is only the preset an IT
// administrator starts from (DESIGN.md, Roles). Names are stable: they are stored on
// users and checked on every request.

export const permissions = [
  'case.read', // persons and case records of the centers in scope
  'case.write', // consultations, checklists, plans, evaluations, documents
  'person.write', // the person and ledger itself
  'person.reassign', // change a person's responsible center (within scope)
  'master.write', // code masters
  'statistics.read',
  'audit.read',
  'audit.export',
  'user.admin',
  'device.admin',
  'backup.run',
  'migration.run',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['careManager', 'centerLead', 'cityStaff', 'auditor', 'itAdmin'] as const;
export type Role = (typeof roles)[number];

export const rolePresets: Readonly<Record<Role, readonly Permission[]>> = {
  careManager: ['case.read', 'case.write', 'person.write'],
  centerLead: ['case.read', 'case.write', 'person.write', 'person.reassign'],
  cityStaff: ['case.read', 'case.write', 'person.write', 'person.reassign', 'master.write', 'statistics.read'],
  auditor: ['audit.read', 'audit.export', 'statistics.read'],
  itAdmin: ['user.admin', 'device.admin', 'backup.run', 'migration.run'],
};

export const isPermission = (value: string): value is Permission => (permissions as readonly string[]).includes(value);
export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);
