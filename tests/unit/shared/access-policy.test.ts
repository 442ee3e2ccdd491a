import { describe, expect, it } from 'vitest';
import { centersInScope, decide, type Actor } from '../../../shared/access/policy';
import { rolePresets, type Role } from '../../../shared/access/permissions';

const actor = (role: Role, scope: { allCenters?: boolean; centers?: string[] } = {}): Actor => ({
  userId: `${role}-user`,
  permissions: rolePresets[role],
  allCenters: scope.allCenters ?? false,
  centers: scope.centers ?? [],
});

const chuoCareManager = actor('careManager', { centers: ['01'] });
const cityStaff = actor('cityStaff', { allCenters: true });
const auditor = actor('auditor', { allCenters: true });
const itAdmin = actor('itAdmin', { allCenters: true });

describe('access policy', () => {
  it('lets a care manager work on their own center and nowhere else', () => {
    expect(decide(chuoCareManager, 'case.read', '01')).toEqual({ allowed: true });
    expect(decide(chuoCareManager, 'case.write', '01')).toEqual({ allowed: true });
    expect(decide(chuoCareManager, 'case.read', '03')).toEqual({ allowed: false, reason: 'scope' });
    expect(decide(chuoCareManager, 'case.read', 'cityHall')).toEqual({ allowed: false, reason: 'scope' });
    expect(centersInScope(chuoCareManager, 'case.read')).toEqual(['01']);
  });

  it('keeps a care manager out of the audit log, masters and administration', () => {
    for (const action of ['audit.read', 'audit.export', 'master.write', 'user.admin', 'device.admin'] as const) {
      expect(decide(chuoCareManager, action)).toEqual({ allowed: false, reason: 'permission' });
    }
    expect(decide(chuoCareManager, 'master.read')).toEqual({ allowed: true });
  });

  it('gives city staff every center, City Hall included, and the masters', () => {
    expect(centersInScope(cityStaff, 'case.read')).toEqual(['01', '02', '03', '04', '05', 'cityHall']);
    expect(decide(cityStaff, 'case.write', '05')).toEqual({ allowed: true });
    expect(decide(cityStaff, 'master.write')).toEqual({ allowed: true });
    expect(decide(cityStaff, 'case.read', '99')).toEqual({ allowed: false, reason: 'scope' });
  });

  it('lets an auditor read and export the audit log but no case content', () => {
    expect(decide(auditor, 'audit.read')).toEqual({ allowed: true });
    expect(decide(auditor, 'audit.export')).toEqual({ allowed: true });
    expect(decide(auditor, 'statistics.read')).toEqual({ allowed: true });
    expect(decide(auditor, 'case.read', '01')).toEqual({ allowed: false, reason: 'permission' });
    expect(centersInScope(auditor, 'case.read')).toEqual([]);
  });

  it('never shows case content to an IT administrator, even one given a case permission', () => {
    expect(decide(itAdmin, 'user.admin')).toEqual({ allowed: true });
    expect(decide(itAdmin, 'device.admin')).toEqual({ allowed: true });
    expect(decide(itAdmin, 'case.read', '01')).toEqual({ allowed: false, reason: 'separation' });
    const overGranted: Actor = { ...itAdmin, permissions: [...itAdmin.permissions, 'case.read'] };
    expect(decide(overGranted, 'case.read', '01')).toEqual({ allowed: false, reason: 'separation' });
    expect(centersInScope(overGranted, 'case.read')).toEqual([]);
  });

  it('denies center-scoped work to a user with no center at all', () => {
    const unscoped = actor('careManager', { centers: [] });
    expect(decide(unscoped, 'case.read')).toEqual({ allowed: false, reason: 'scope' });
    expect(decide(chuoCareManager, 'case.read')).toEqual({ allowed: true });
  });

  it('lets every signed-in user upload offline audit entries and see their own session', () => {
    for (const someone of [chuoCareManager, cityStaff, auditor, itAdmin]) {
      expect(decide(someone, 'audit.upload')).toEqual({ allowed: true });
      expect(decide(someone, 'self')).toEqual({ allowed: true });
    }
  });

  it('grants a permission given beyond the preset, since the role is only a preset', () => {
    const lead: Actor = { ...chuoCareManager, centers: ['01', '02'], permissions: [...chuoCareManager.permissions, 'person.reassign'] };
    expect(decide(chuoCareManager, 'person.reassign', '01')).toEqual({ allowed: false, reason: 'permission' });
    expect(decide(lead, 'person.reassign', '02')).toEqual({ allowed: true });
  });
});
