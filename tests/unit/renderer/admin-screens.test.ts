import { describe, expect, it } from 'vitest';
import { rolePresets, type PublicUser, type Role } from '../../../shared/index';
import { landingPath, mayOpen, navItems, scopeText } from '../../../renderer/app/navigation';
import { csvFileName, filterQuery, warekiDateTime, emptyFilters } from '../../../renderer/features/audit-log/filters';
import { createBody, formOfUser, newUserForm, patchBody, withRole } from '../../../renderer/features/admin-users/user-form';

function user(role: Role, scope: { allCenters?: boolean; centers?: string[] } = {}, permissions: readonly string[] = rolePresets[role]): PublicUser {
  return {
    id: `u-${role}`,
    displayName: '試験 太郎',
    role,
    permissions: [...permissions] as PublicUser['permissions'],
    allCenters: scope.allCenters ?? false,
    centers: scope.centers ?? [],
    disabled: false,
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
  };
}

const labels = (u: PublicUser) => navItems(u).map((i) => i.label);

describe('role-aware navigation', () => {
  it('gives each role its own menu and first screen', () => {
    const careManager = user('careManager', { centers: ['01'] });
    expect(labels(careManager)).toEqual(['検索', expect.any(String), '同期の要対応', '端末の設定']);
    expect(landingPath(careManager)).toBe('/search');

    const auditor = user('auditor');
    expect(labels(auditor)).toEqual(['監査ログ', '統計', '端末の設定']);
    expect(landingPath(auditor)).toBe('/audit');

    const admin = user('itAdmin');
    expect(labels(admin)).toEqual(['ユーザー管理', '端末管理', '端末の設定']);
    expect(landingPath(admin)).toBe('/admin/users');
  });

  it('gives a user with several roles the union, and never case screens to an administrator', () => {
    const cityStaff = user('cityStaff', { allCenters: true });
    expect(labels(cityStaff)).toContain('検索');
    expect(labels(cityStaff)).toContain('統計');
    expect(labels(cityStaff)).not.toContain('監査ログ');

    const auditingAdmin = user('itAdmin', {}, [...rolePresets.itAdmin, 'audit.read', 'case.read']);
    expect(labels(auditingAdmin)).toEqual(['監査ログ', 'ユーザー管理', '端末管理', '端末の設定']);
  });

  it('names the scope in the header: all centers, the centers, or nothing', () => {
    expect(scopeText(user('cityStaff', { allCenters: true }))).toBe('全センター');
    expect(scopeText(user('careManager', { centers: ['01', '03'] }))).toBe('中央・南');
    expect(scopeText(user('auditor'))).toBeUndefined();
  });
});

describe('audit log filters', () => {
  it('reads dates typed in 西暦 or 和暦 as the days the server filters by', () => {
    const query = filterQuery({ ...emptyFilters, userId: ' ｃｈｕｏ-cm1 ', from: '令和8年4月1日', to: 'R8.4.30' });
    expect(query).toEqual({ ok: true, params: { userId: 'chuo-cm1', from: '2026-04-01', to: '2026-04-30' } });
    expect(filterQuery({ ...emptyFilters, from: '2026-04-01' })).toEqual({ ok: true, params: { from: '2026-04-01' } });
  });

  it('names the date field it cannot read', () => {
    expect(filterQuery({ ...emptyFilters, to: '令和8年2月30日' })).toEqual({ ok: false, errors: { to: expect.stringContaining('期間（終了）') } });
  });

  it('shows an instant in 和暦 and Japan time, and names CSV files safely', () => {
    expect(warekiDateTime('2026-03-31T15:04:05.000Z')).toBe('令和8年4月1日 00:04:05');
    const name = csvFileName('cp932', new Date('2026-11-22T03:04:05Z'));
    expect(name).toBe('監査ログ_20261122-120405_CP932.csv');
    expect(name).not.toMatch(/[\\/:*?"<>|]/);
  });
});

describe('user form', () => {
  it('fills the permissions from the role, which stay editable', () => {
    const form = withRole({ ...newUserForm(), id: 'minami-cm9', displayName: '試験 次郎', centers: ['03'], password: 'long enough pw' }, 'auditor');
    expect(form.permissions).toEqual(['audit.read', 'audit.export', 'statistics.read']);
    expect(createBody(form)).toMatchObject({ allCenters: false, centers: [] });
    const careManager = withRole(form, 'careManager');
    expect(createBody({ ...careManager, scope: 'some' })).toEqual({
      id: 'minami-cm9',
      displayName: '試験 次郎',
      role: 'careManager',
      password: 'long enough pw',
      permissions: ['case.read', 'case.write', 'person.write'],
      allCenters: false,
      centers: ['03'],
    });
    expect(patchBody(formOfUser(user('cityStaff', { allCenters: true })))).toMatchObject({ allCenters: true, centers: [] });
  });
});

describe('screens a user may open', () => {
  it('lets each role open its own screens and no other role’s', () => {
    const careManager = user('careManager', { centers: ['01'] });
    const auditor = user('auditor');
    expect(mayOpen(careManager, '/persons/p-1/consultations')).toBe(true);
    expect(mayOpen(careManager, '/admin/users/new')).toBe(false);
    expect(mayOpen(auditor, '/search')).toBe(false);
    expect(mayOpen(auditor, '/audit')).toBe(true);
    expect(mayOpen(auditor, '/admin/devices')).toBe(false);
    expect(mayOpen(auditor, '/settings')).toBe(true);
  });
});
