// User administration as IT does it: 25+ user IDs with one center, several or all,
// permissions from a preset or beyond it, disable, delete, reset and unlock — and each
// change visible at once in what that user can do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPersons, startTestServer, testPerson, type TestClient, type TestServer } from '../../support/server';

let server: TestServer;
let admin: TestClient;

const centers = ['01', '02', '03', '04', '05'];

beforeAll(async () => {
  server = await startTestServer();
  await seedPersons(server, [...centers, 'cityHall'].map((centerId, n) => testPerson(n + 1, centerId)));
  admin = await server.login('it-admin');
});
afterAll(async () => {
  await server.close();
});

const login = (userId: string, password: string) => server.request('POST', '/api/auth/login', { userId, password });
const centersSeen = async (client: TestClient) =>
  ((await client.get('/api/persons?q=')).body.items as Array<{ centerId: string }>).map((p) => p.centerId).sort();

describe('user administration', () => {
  it('creates 25 care managers, five per center, each seeing only their center', async () => {
    for (let i = 0; i < 25; i++) {
      const centerId = centers[i % 5]!;
      const answer = await admin.post('/api/users', { id: `cm-${centerId}-${i}`, displayName: `ケアマネ ${i}`, role: 'careManager', centers: [centerId], password: `passphrase-${i}-x` });
      expect(answer.status).toBe(201);
      expect(answer.body.permissions).toEqual(['case.read', 'case.write', 'person.write']);
      expect(answer.body.passwordHash).toBeUndefined();
    }
    const list = (await admin.get('/api/users')).body;
    const listed = list.items as Array<{ id: string }>;
    expect(listed.filter((u) => u.id.startsWith('cm-'))).toHaveLength(25);
    expect(list.passwordMinLength).toBe(server.server.context.config.passwordMinLength);
    const someone = await server.login('cm-04-3', { password: 'passphrase-3-x' });
    expect(await centersSeen(someone)).toEqual(['04']);
  });

  it('gives a user several centers, or all of them', async () => {
    await admin.post('/api/users', { id: 'lead-north', displayName: '北 センター長', role: 'centerLead', centers: ['04', '05'], password: 'lead-north-pass' });
    const lead = await server.login('lead-north', { password: 'lead-north-pass' });
    expect(await centersSeen(lead)).toEqual(['04', '05']);
    await admin.patch('/api/users/lead-north', { allCenters: true });
    expect(await centersSeen(lead)).toEqual(['01', '02', '03', '04', '05', 'cityHall']);
  });

  it('grants a permission beyond the preset, and takes it away, at once', async () => {
    await admin.post('/api/users', { id: 'cm-stats', displayName: '統計 担当', role: 'careManager', centers: ['01'], permissions: ['case.read', 'statistics.read'], password: 'stats-passphrase' });
    const user = await server.login('cm-stats', { password: 'stats-passphrase' });
    expect((await user.get('/api/statistics')).status).toBe(200);
    await admin.patch('/api/users/cm-stats', { permissions: ['case.read'] });
    expect((await user.get('/api/statistics')).status).toBe(403);
    expect((await user.get('/api/persons?q=')).status).toBe(200);
  });

  it('disables and re-enables a user', async () => {
    await admin.patch('/api/users/cm-01-0', { disabled: true });
    expect((await login('cm-01-0', 'passphrase-0-x')).status).toBe(403);
    await admin.patch('/api/users/cm-01-0', { disabled: false });
    expect((await login('cm-01-0', 'passphrase-0-x')).status).toBe(200);
  });

  it('deletes a user: the ID can no longer log in and is gone from the list', async () => {
    const session = await server.login('cm-02-1', { password: 'passphrase-1-x' });
    expect((await admin.delete('/api/users/cm-02-1')).status).toBe(200);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await login('cm-02-1', 'passphrase-1-x')).status).toBe(401);
    expect((await admin.get('/api/users/cm-02-1')).status).toBe(404);
    expect((await admin.delete('/api/users/cm-02-1')).status).toBe(404);
  });

  it('unlocks a locked ID, and a password reset unlocks it too', async () => {
    for (let i = 0; i < 5; i++) await login('cm-03-2', 'wrong-password');
    expect((await login('cm-03-2', 'passphrase-2-x')).status).toBe(423);
    expect((await admin.get('/api/users/cm-03-2')).body.lockedUntil).toEqual(expect.any(String));
    expect((await admin.post('/api/users/cm-03-2/unlock')).status).toBe(200);
    expect((await login('cm-03-2', 'passphrase-2-x')).status).toBe(200);
    for (let i = 0; i < 5; i++) await login('cm-03-2', 'wrong-password');
    expect((await admin.post('/api/users/cm-03-2/password', { password: 'a-new-passphrase' })).status).toBe(200);
    expect((await login('cm-03-2', 'a-new-passphrase')).status).toBe(200);
  });

  it('records every change in the audit log with the user ID as target', async () => {
    const auditor = await server.login('auditor1');
    const entries = (await auditor.get('/api/audit?userId=it-admin&limit=1000')).body.items as Array<{ operation: string; targetDocumentId?: string; detail?: string }>;
    expect(entries.filter((e) => e.operation === 'create' && e.targetDocumentId?.startsWith('user:cm-'))).toHaveLength(26);
    expect(entries).toContainEqual(expect.objectContaining({ operation: 'delete', targetDocumentId: 'user:cm-02-1' }));
    expect(entries).toContainEqual(expect.objectContaining({ operation: 'update', targetDocumentId: 'user:cm-03-2', detail: 'passwordReset' }));
    expect(entries).toContainEqual(expect.objectContaining({ operation: 'update', targetDocumentId: 'user:cm-01-0', detail: 'disabled' }));
  });
});
