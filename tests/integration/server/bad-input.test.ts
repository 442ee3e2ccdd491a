// Bad input on every endpoint: malformed JSON, no body, unknown fields, wrong types, bad
// values, bad ids and oversized bodies get 400/413 naming the field in Japanese — never
// a 500 — and a refused write leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiResponse, type TestClient, type TestServer } from '../../support/server';

let server: TestServer;
let admin: TestClient;
let careManager: TestClient;
let auditor: TestClient;

beforeAll(async () => {
  server = await startTestServer({ config: { jsonBodyLimitKb: 16 } });
  admin = await server.login('it-admin');
  careManager = await server.login('chuo-cm1');
  auditor = await server.login('auditor1');
});
afterAll(async () => {
  await server.close();
});

function expectFieldError(answer: ApiResponse, field: string, label?: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.body.error.field).toBe(field);
  expect(answer.body.error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  if (label) expect(answer.body.error.message).toContain(label);
  expect(answer.body.requestId).toEqual(expect.any(String));
}

const oversized = JSON.stringify({ userId: 'chuo-cm1', password: 'x'.repeat(20 * 1024) });

describe('bad input: login and own password', () => {
  it('malformed JSON', async () => {
    const answer = await server.request('POST', '/api/auth/login', '{"userId": "chuo-cm1", ');
    expectFieldError(answer, 'body');
    expect(answer.body.error.code).toBe('malformedJson');
  });
  it('no body at all', async () => {
    // An empty body reads as an empty object: the first required field is named.
    expectFieldError(await server.request('POST', '/api/auth/login'), 'userId', 'ユーザーID');
  });
  it('a JSON value that is not an object', async () => {
    expectFieldError(await server.request('POST', '/api/auth/login', '"chuo-cm1"'), 'body');
    expect((await server.request('POST', '/api/auth/login', '[1,2]')).status).toBe(400);
  });
  it('an unknown field', async () => {
    expectFieldError(await server.request('POST', '/api/auth/login', { userId: 'chuo-cm1', password: 'kizuna-demo', remember: true }), 'remember', '不明な項目');
  });
  it('a wrong type', async () => {
    expectFieldError(await server.request('POST', '/api/auth/login', { userId: 12345, password: 'kizuna-demo' }), 'userId', 'ユーザーID');
  });
  it('a missing field', async () => {
    expectFieldError(await server.request('POST', '/api/auth/login', { userId: 'chuo-cm1' }), 'password', 'パスワード');
  });
  it('an oversized body', async () => {
    const answer = await server.request('POST', '/api/auth/login', oversized);
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({ code: 'bodyTooLarge', field: 'body' });
    expect(answer.body.error.message).toContain('16 KB');
  });
  it('own password change with wrong types', async () => {
    expectFieldError(await careManager.post('/api/auth/password', { currentPassword: 'kizuna-demo', newPassword: ['a'] }), 'newPassword', '新しいパスワード');
  });
});

describe('bad input: persons', () => {
  it('a search text that is too long', async () => {
    expectFieldError(await careManager.get(`/api/persons?q=${'ア'.repeat(101)}`), 'q', '検索語');
  });
  it('a limit that is not a number or out of range', async () => {
    expectFieldError(await careManager.get('/api/persons?q=&limit=many'), 'limit', '件数');
    expectFieldError(await careManager.get('/api/persons?q=&limit=0'), 'limit');
    expectFieldError(await careManager.get('/api/persons?q=&limit=201'), 'limit');
  });
  it('an unknown or repeated query parameter', async () => {
    expectFieldError(await careManager.get('/api/persons?q=a&center=03'), 'center');
    expectFieldError(await careManager.get('/api/persons?q=a&q=b'), 'q');
  });
  it('a bad person id', async () => {
    expectFieldError(await careManager.get(`/api/persons/${'p'.repeat(200)}`), 'id');
    expectFieldError(await careManager.get('/api/persons/has%20space'), 'id');
    expectFieldError(await careManager.get('/api/persons/%E4%BA%BA'), 'id');
  });
  it('a malformed escape in the path is a 400, not a 500', async () => {
    const answer = await careManager.get('/api/persons/%E0%A4%A');
    expect(answer.status).toBe(400);
  });
});

describe('bad input: document files', () => {
  it('a bad document id', async () => {
    expectFieldError(await careManager.get(`/api/documents/${'d'.repeat(200)}/file`), 'id');
    expectFieldError(await careManager.get('/api/documents/has%20space/file'), 'id');
  });
});

describe('bad input: audit', () => {
  it('an unknown operation, a bad date, a bad cursor, a bad center', async () => {
    expectFieldError(await auditor.get('/api/audit?operation=dance'), 'operation', '操作');
    expectFieldError(await auditor.get('/api/audit?from=yesterday'), 'from', '期間（開始）');
    expectFieldError(await auditor.get('/api/audit?to=2026-13-45T99:00:00Z'), 'to');
    expectFieldError(await auditor.get('/api/audit?after=abc'), 'after');
    expectFieldError(await auditor.get('/api/audit?centerId=1'), 'centerId');
    expectFieldError(await auditor.get('/api/audit?limit=5000'), 'limit');
  });
  it('an unknown CSV encoding', async () => {
    expectFieldError(await auditor.get('/api/audit/export.csv?encoding=utf16'), 'encoding', '文字コード');
  });
});

describe('bad input: users', () => {
  const valid = { id: 'kita-cm7', displayName: '北 ケアマネ七号', role: 'careManager', centers: ['04'], password: 'long-enough-pass' };
  const expectNotCreated = async (id = valid.id) => expect((await admin.get(`/api/users/${id}`)).status).toBe(404);

  it.each([
    [{ ...valid, id: 'Kita CM' }, 'id', 'ユーザーID'],
    [{ ...valid, displayName: '' }, 'displayName', '氏名'],
    [{ ...valid, role: 'boss' }, 'role', '役割'],
    [{ ...valid, centers: '04' }, 'centers', '担当センター'],
    [{ ...valid, centers: ['4'] }, 'centers/0', '担当センター'],
    [{ ...valid, centers: ['99'] }, 'centers', '担当センター'],
    [{ ...valid, permissions: ['case.read', 'everything'] }, 'permissions/1', '権限'],
    [{ ...valid, disabled: 'no' }, 'disabled', '無効'],
    [{ ...valid, password: 'short' }, 'password', 'パスワード'],
    [{ ...valid, isAdmin: true }, 'isAdmin', '不明な項目'],
    [{ ...valid, centers: [] }, 'centers', '担当センター'],
    [{ ...valid, permissions: ['case.read', 'user.admin'] }, 'permissions', '管理者'],
  ])('creating %j is refused naming the field, and nothing is created', async (body, field, label) => {
    expectFieldError(await admin.post('/api/users', body), field, label);
    await expectNotCreated(typeof body.id === 'string' && /^[a-z0-9]/.test(body.id) ? body.id : valid.id);
  });

  it('a change with one bad field changes nothing, not even the good fields', async () => {
    const before = (await admin.get('/api/users/minami-cm1')).body;
    expectFieldError(await admin.patch('/api/users/minami-cm1', { displayName: '新しい名前', centers: ['03', 'xx'] }), 'centers/1');
    expect((await admin.get('/api/users/minami-cm1')).body).toEqual(before);
  });

  it('an empty change, an unknown field, a bad id', async () => {
    expect((await admin.patch('/api/users/minami-cm1', {})).status).toBe(400);
    expectFieldError(await admin.patch('/api/users/minami-cm1', { passwordHash: 'x' }), 'passwordHash', '不明な項目');
    expectFieldError(await admin.patch('/api/users/BAD ID', { displayName: 'x' }), 'id');
    expectFieldError(await admin.delete('/api/users/a..b!'), 'id');
    expectFieldError(await admin.post('/api/users/minami-cm1/password', { password: 42 }), 'password');
  });

  it('an administrator cannot lock themselves out', async () => {
    expectFieldError(await admin.patch('/api/users/it-admin', { permissions: ['device.admin'] }), 'permissions');
    expectFieldError(await admin.patch('/api/users/it-admin', { disabled: true }), 'disabled');
    expectFieldError(await admin.delete('/api/users/it-admin'), 'id');
    expect((await admin.get('/api/users/it-admin')).body.permissions).toContain('user.admin');
  });

  it('an oversized body on an administration endpoint', async () => {
    const answer = await admin.post('/api/users', { ...valid, displayName: 'x'.repeat(20 * 1024) });
    expect(answer.status).toBe(413);
    await expectNotCreated();
  });

  it('a duplicate user ID is a 409 naming the field', async () => {
    const answer = await admin.post('/api/users', { ...valid, id: 'chuo-cm1' });
    expect(answer.status).toBe(409);
    expect(answer.body.error.field).toBe('id');
    expect(answer.body.error.message).toContain('chuo-cm1');
  });
});

describe('bad input: devices', () => {
  it.each([
    [{ name: 'タブレット', kind: 'phone' }, 'kind', '端末種別'],
    [{ kind: 'pc' }, 'name', '端末名'],
    [{ id: 'has space', name: 'PC', kind: 'pc' }, 'id', '端末ID'],
    [{ name: 'PC', kind: 'pc', centerId: 'north' }, 'centerId', '担当包括'],
    [{ name: 'PC', kind: 'pc', token: 'mine' }, 'token', '不明な項目'],
  ])('registering %j is refused naming the field, and nothing is registered', async (body, field, label) => {
    expectFieldError(await admin.post('/api/devices', body), field, label);
    expect((await admin.get('/api/devices')).body.items).toEqual([]);
  });

  it('a bad device id in the path', async () => {
    expectFieldError(await admin.post('/api/devices/bad id!/revoke'), 'id');
  });

  it('a device header that is not `<id>:<token>` is refused at login', async () => {
    const answer = await server.request('POST', '/api/auth/login', { userId: 'chuo-cm1', password: 'kizuna-demo' }, { 'x-kizuna-device': 'no-token-here' });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('deviceInvalid');
  });
});

describe('unknown routes', () => {
  it('answers JSON 404 for an unknown API path and method', async () => {
    const missing = await careManager.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('notFound');
    expect((await careManager.patch('/api/persons', {})).status).toBe(404);
  });
});
