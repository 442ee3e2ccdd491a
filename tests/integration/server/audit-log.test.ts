// What the audit log records and what an auditor gets out of it: every login, read and
// refusal with its request id; filters by user, center, person, operation and date;
// a CSV that Excel opens (UTF-8 with BOM, or CP932), whose export is itself audited;
// offline entries uploaded by a client; and a chain that stays whole under load.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAnchorId, metaDatabaseName } from '../../../server/audit/log';
import { seedPersons, startTestServer, testPerson, type TestClient, type TestServer } from '../../support/server';

let server: TestServer;
let auditor: TestClient;
let chuo: TestClient;
let clock = Date.parse('2026-10-01T00:00:00.000Z');

const chuoPerson = testPerson(1, '01', { name: '監査 一郎', nameKana: 'カンサ イチロウ' });
const minamiPerson = testPerson(2, '03', { name: '監査 二郎', nameKana: 'カンサ ジロウ' });

beforeAll(async () => {
  server = await startTestServer({ now: () => clock, config: { sessionLifetimeMinutes: 3 * 24 * 60 } });
  await seedPersons(server, [chuoPerson, minamiPerson]);
  chuo = await server.login('chuo-cm1');
  await chuo.get(`/api/persons/${chuoPerson.id}`, { 'x-kizuna-menu': encodeURIComponent('高齢者台帳') });
  clock += 24 * 60 * 60_000; // the next day
  await chuo.get(`/api/persons/${minamiPerson.id}`);
  await server.request('POST', '/api/auth/login', { userId: 'minami-cm1', password: 'wrong-password' });
  const minami = await server.login('minami-cm1');
  await minami.get(`/api/persons/${minamiPerson.id}`);
  auditor = await server.login('auditor1');
});
afterAll(async () => {
  await server.close();
});

type Entry = { userId: string; operation: string; result: string; targetPersonId?: string; centerId?: string; menu: string; requestId?: string; detail?: string; at: string; seq: number };
const items = async (query: string): Promise<Entry[]> => {
  const answer = await auditor.get(`/api/audit?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
};

describe('audit log', () => {
  it('records logins, reads and refusals with time, user, center, menu and request id', async () => {
    const all = await items('limit=1000');
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
    const read = all.find((e) => e.operation === 'read' && e.targetPersonId === chuoPerson.id);
    expect(read).toMatchObject({ userId: 'chuo-cm1', centerId: '01', result: 'success', menu: '高齢者台帳', at: '2026-10-01T00:00:00.000Z' });
    expect(read?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(all.find((e) => e.operation === 'read' && e.userId === 'chuo-cm1' && e.targetPersonId === minamiPerson.id)).toMatchObject({ result: 'denied', centerId: '03' });
    expect(all.find((e) => e.operation === 'login' && e.userId === 'minami-cm1' && e.result === 'failure')).toMatchObject({ detail: 'wrongPassword' });
    expect(all.filter((e) => e.operation === 'login' && e.result === 'success').map((e) => e.userId).sort()).toEqual(['auditor1', 'chuo-cm1', 'minami-cm1']);
  });

  it('filters by user, center, person, operation, result and date', async () => {
    expect((await items('userId=minami-cm1')).every((e) => e.userId === 'minami-cm1')).toBe(true);
    const byPerson = await items(`personId=${minamiPerson.id}`);
    expect(byPerson.map((e) => `${e.userId}:${e.result}`).sort()).toEqual(['chuo-cm1:denied', 'minami-cm1:success']);
    expect((await items('centerId=03&operation=read&result=success')).map((e) => e.userId)).toEqual(['minami-cm1']);
    // 2026-10-01 in Japan is 2026-09-30T15:00Z to 2026-10-01T14:59:59.999Z.
    const firstDay = await items('from=2026-10-01&to=2026-10-01');
    expect(firstDay.length).toBeGreaterThan(0);
    expect(firstDay.every((e) => e.at === '2026-10-01T00:00:00.000Z')).toBe(true);
    const secondDay = await items('from=2026-10-02T00:00:00.000Z');
    expect(secondDay.some((e) => e.targetPersonId === chuoPerson.id && e.operation === 'read')).toBe(false);
    expect(secondDay.some((e) => e.targetPersonId === minamiPerson.id)).toBe(true);
  });

  it('pages through the log with next/after', async () => {
    const first = await auditor.get('/api/audit?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await auditor.get(`/api/audit?limit=2&after=${first.body.next}`);
    expect(second.body.items[0].seq).toBe(first.body.items[1].seq - 1);
  });

  it('refuses a date range that ends before it starts, naming the field', async () => {
    const answer = await auditor.get('/api/audit?from=2026-10-05&to=2026-10-01');
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe('from');
  });

  it('exports CSV that Excel opens: UTF-8 with BOM, CRLF, Japanese headings; and audits the export', async () => {
    const response = await fetch(`${server.url}/api/audit/export.csv?userId=chuo-cm1`, { headers: auditor.headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('連番,日時（UTC）,記録日時（UTC）,ユーザーID,端末,センター,メニュー,操作,対象者,対象文書,結果,要求ID,オフライン,詳細');
    expect(lines.slice(1).every((line) => line.split(',')[3] === 'chuo-cm1')).toBe(true);
    expect(lines.some((line) => line.includes(`閲覧,${chuoPerson.id},,成功`))).toBe(true);
    const exports = await items('operation=export');
    expect(exports[0]).toMatchObject({ userId: 'auditor1', result: 'success', detail: 'userId=chuo-cm1 encoding=utf8' });
  });

  it('exports CP932 on request', async () => {
    const response = await fetch(`${server.url}/api/audit/export.csv?encoding=cp932&personId=${chuoPerson.id}`, { headers: auditor.headers });
    expect(response.headers.get('content-type')).toContain('Shift_JIS');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes[0]).not.toBe(0xef);
    const text = iconv.decode(bytes, 'cp932');
    expect(text.startsWith('連番,日時（UTC）')).toBe(true);
    expect(text).toContain('高齢者台帳');
  });

  it('escapes cells Excel would run as formulas', async () => {
    await chuo.get(`/api/persons/${chuoPerson.id}`, { 'x-kizuna-menu': encodeURIComponent('=HYPERLINK("x")') });
    const response = await fetch(`${server.url}/api/audit/export.csv?userId=chuo-cm1&operation=read`, { headers: auditor.headers });
    const text = new TextDecoder().decode(await response.arrayBuffer());
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('chains offline entries uploaded by a client once, and refuses another user’s', async () => {
    const { audit } = server.server.context;
    const offline = { id: 'tablet-entry-0001', at: '2026-09-30T23:00:00.000Z', userId: 'chuo-cm1', deviceId: 'TAB-1', menu: '相談記録', operation: 'create', targetPersonId: chuoPerson.id, result: 'success' };
    const first = await audit.appendAuditEntries([offline, { ...offline, id: 'tablet-entry-0002', userId: 'minami-cm1' }, { ...offline, id: 'bad', operation: 'dance' }], { userId: 'chuo-cm1', deviceId: 'TAB-1' });
    expect(first[0]).toMatchObject({ id: 'tablet-entry-0001', ok: true, duplicate: false });
    expect(first[1]).toMatchObject({ ok: false, errors: [{ field: 'userId' }] });
    expect(first[2]).toMatchObject({ ok: false, errors: [{ field: 'operation' }] });
    const retried = await audit.appendAuditEntries([offline], { userId: 'chuo-cm1', deviceId: 'TAB-1' });
    expect(retried).toEqual([{ id: 'tablet-entry-0001', ok: true, duplicate: true }]);
    const stored = (await items('operation=create')).filter((e) => e.userId === 'chuo-cm1');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ at: '2026-09-30T23:00:00.000Z', menu: '相談記録' });
    expect((await auditor.get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('keeps one unbroken chain when many requests are audited at once', async () => {
    const before = (await auditor.get('/api/audit/verify')).body.entries as number;
    await Promise.all(Array.from({ length: 40 }, () => chuo.get(`/api/persons/${chuoPerson.id}`)));
    const verified = (await auditor.get('/api/audit/verify')).body;
    expect(verified.ok).toBe(true);
    // 40 reads plus the first verify's own entry.
    expect(verified.entries).toBe(before + 41);
  });
});

describe('audit log after a crash', () => {
  it('records a write that a crash interrupted, and verifies intact afterwards', async () => {
    const crashed = await startTestServer();
    try {
      await crashed.login('chuo-cm1');
      const { storage } = crashed.server.context;
      await crashed.server.context.audit.flush();
      // What a crash between the anchor and its batch leaves: an anchor two entries ahead.
      const meta = await storage.open(metaDatabaseName);
      const anchor = await meta.get(auditAnchorId);
      if (!anchor) throw new Error('no anchor after a login');
      await meta.put({ ...anchor, seq: Number(anchor.seq) + 2, hash: 'f'.repeat(64), previous: { seq: anchor.seq, hash: anchor.hash } });
      const dataDir = crashed.dataDir;
      await crashed.server.close();
      const restarted = await startTestServer({ dataDir });
      try {
        const reader = await restarted.login('auditor1');
        const verify = await reader.get('/api/audit/verify');
        expect(verify.body).toMatchObject({ ok: true });
        const recovered = (await reader.get('/api/audit?userId=system')).body.items;
        expect(recovered[0]).toMatchObject({ operation: 'admin', result: 'failure' });
        expect(recovered[0].detail).toContain('interrupted write');
      } finally {
        await restarted.close();
      }
    } finally {
      await crashed.close().catch(() => undefined);
    }
  });
});
