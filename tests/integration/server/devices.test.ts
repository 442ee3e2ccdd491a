// 端末: on a production server (no demo), case workers may log in only from a
// registered device, and a revoked device is refused at its very next request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../../support/server';

let server: TestServer;
let admin: TestClient;

beforeEach(async () => {
  server = await startTestServer({ config: { demo: false } });
  const first = server.server.initialAdmin;
  if (!first) throw new Error('a fresh production server creates its first administrator');
  // IT sees no case content, so it may log in without a registered device.
  admin = await server.login(first.userId, { password: first.password });
  const created = await admin.post('/api/users', { id: 'chuo-cm9', displayName: '中央 ケアマネ九号', role: 'careManager', centers: ['01'], password: 'care-manager-pass' });
  expect(created.status).toBe(201);
});
afterEach(async () => {
  await server.close();
});

const loginFrom = (header: string | undefined) =>
  server.request('POST', '/api/auth/login', { userId: 'chuo-cm9', password: 'care-manager-pass' }, header ? { 'x-kizuna-device': header } : {});

describe('registered devices', () => {
  it('creates one administrator on the first start and prints nothing of it again', async () => {
    expect(server.server.initialAdmin?.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const dataDir = server.dataDir;
    await server.server.close();
    const again = await startTestServer({ dataDir, config: { demo: false } });
    try {
      expect(again.server.initialAdmin).toBeUndefined();
    } finally {
      await again.close();
    }
  });

  it('refuses a case worker on an unregistered device and accepts the registered one', async () => {
    const none = await loginFrom(undefined);
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('deviceRequired');
    expect(none.body.error.message).toContain('端末');
    const unknown = await loginFrom('PC-UNKNOWN-1:abcdefghijklmnopqrstuvwxyz012345');
    expect(unknown.status).toBe(403);

    const registered = await admin.post('/api/devices', { id: 'PC-CHUO-01', name: '中央包括 1 号機', kind: 'pc', centerId: '01' });
    expect(registered.status).toBe(201);
    expect(registered.body.device.tokenHash).toBeUndefined();
    const header: string = registered.body.header;
    expect(header).toBe(`PC-CHUO-01:${registered.body.token}`);
    const listed = await admin.get('/api/devices');
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual(['PC-CHUO-01']);
    expect(JSON.stringify(listed.body)).not.toContain(registered.body.token);

    const ok = await loginFrom(header);
    expect(ok.status).toBe(200);
    expect(ok.body.deviceId).toBe('PC-CHUO-01');
    const wrongToken = await loginFrom('PC-CHUO-01:zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz');
    expect(wrongToken.status).toBe(403);
    expect(wrongToken.body.error.code).toBe('deviceInvalid');
  });

  it('stops a revoked device at its next request, whatever session it holds', async () => {
    const { body } = await admin.post('/api/devices', { name: '南包括 タブレット', kind: 'tablet', centerId: '03' });
    const header: string = body.header;
    expect(body.device.id).toMatch(/^dev-[0-9a-f]{12}$/);
    const careManager = await server.login('chuo-cm9', { password: 'care-manager-pass', device: header });
    expect((await careManager.get('/api/persons?q=')).status).toBe(200);
    // The session works only together with its device's header.
    expect((await careManager.get('/api/persons?q=', { 'x-kizuna-device': '' })).status).toBe(401);

    expect((await admin.post(`/api/devices/${body.device.id}/revoke`)).status).toBe(200);
    const refused = await careManager.get('/api/persons?q=');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('deviceRevoked');
    const again = await loginFrom(header);
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('deviceRevoked');
    expect((await admin.post(`/api/devices/${body.device.id}/revoke`)).status).toBe(409);

    const auditor = await admin.post('/api/users', { id: 'audit-9', displayName: '監査 九号', role: 'auditor', password: 'auditor-passphrase' });
    expect(auditor.status).toBe(201);
    const reader = await server.login('audit-9', { password: 'auditor-passphrase' });
    const denied = await reader.get('/api/audit?result=denied');
    expect(denied.body.items.some((e: { deviceId?: string; detail?: string }) => e.deviceId === body.device.id && e.detail === 'deviceRevoked')).toBe(true);
  });

  it('refuses a session used with another device header', async () => {
    const one = (await admin.post('/api/devices', { id: 'PC-A', name: 'A', kind: 'pc' })).body.header as string;
    const two = (await admin.post('/api/devices', { id: 'PC-B', name: 'B', kind: 'pc' })).body.header as string;
    const client = await server.login('chuo-cm9', { password: 'care-manager-pass', device: one });
    const swapped = await client.get('/api/auth/me', { 'x-kizuna-device': two });
    expect(swapped.status).toBe(401);
    expect(swapped.body.error.code).toBe('deviceMismatch');
  });

  it('records an unknown device in demo mode instead of refusing it', async () => {
    const demo = await startTestServer();
    try {
      const client = await demo.login('chuo-cm1', { device: 'TABLET-DEMO-7:abcdefghijklmnopqrstuvwxyz012345' });
      expect((await client.get('/api/auth/me')).body.deviceId).toBe('TABLET-DEMO-7');
      const itAdmin = await demo.login('it-admin');
      const devices = await itAdmin.get('/api/devices');
      expect(devices.body.items).toEqual([expect.objectContaining({ id: 'TABLET-DEMO-7', registeredBy: 'demo' })]);
    } finally {
      await demo.close();
    }
  });
});
