// Every demo role against every endpoint and every center's data: who gets what, who is
// refused, that a refusal never carries the data, and that every refusal is in the
// audit log under the request's id. Expectations are written out by hand from the
// city's rules (DESIGN.md, Roles), not computed from the policy under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, KizunaDocument } from '../../../shared/index';
import { createFileStore, sha256Hex } from '../../../server/files/store';
import { centerDatabaseName } from '../../../server/storage/names';
import { seedPersons, startTestServer, testPerson, type ApiResponse, type TestClient, type TestServer } from '../../support/server';

const centers = ['01', '02', '03', '04', '05', 'cityHall'] as const;
const userIds = ['chuo-cm1', 'minami-cm1', 'city-staff1', 'auditor1', 'it-admin'] as const;
type UserId = (typeof userIds)[number];

/** The centers whose persons each demo user may see. */
const scope: Record<UserId, readonly string[]> = {
  'chuo-cm1': ['01'],
  'minami-cm1': ['03'],
  'city-staff1': centers,
  auditor1: [],
  'it-admin': [],
};
const caseWorkers: readonly UserId[] = ['chuo-cm1', 'minami-cm1', 'city-staff1'];

/** One invented person per center, with a name that shows which center it is in. */
const persons = centers.map((centerId, n) => testPerson(n + 1, centerId, { name: `試験 ${centerId}`, nameKana: 'シケン タロウ' }));
const personOf = (centerId: string) => persons.find((p) => p.centerId === centerId)!;

/** One scanned document per center, its bytes in that center's file store. */
const scans = centers.map((centerId) => {
  const bytes = Buffer.from(`%PDF-1.4 試験 ${centerId}`);
  const doc: KizunaDocument = {
    id: `document-scan-${centerId}`,
    personId: personOf(centerId).id,
    centerId,
    kind: 'scan',
    documentType: 'physicianOpinion',
    fileName: `主治医意見書_${centerId}.pdf`,
    file: { contentType: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) },
    updatedAt: '2026-10-01T00:00:00.000Z',
  };
  return { doc, bytes };
});

let server: TestServer;
const clients = {} as Record<UserId, TestClient>;

beforeAll(async () => {
  server = await startTestServer();
  await seedPersons(server, persons);
  const { storage } = server.server.context;
  for (const { doc, bytes } of scans) {
    await (await storage.open(centerDatabaseName('documents', doc.centerId))).bulkWrite([{ ...doc, _id: doc.id }]);
    await createFileStore(storage).putFiles(doc.centerId, [{ sha256: doc.file!.sha256, contentType: 'application/pdf', size: bytes.length, bytes }]);
  }
  for (const id of userIds) clients[id] = await server.login(id);
});
afterAll(async () => {
  await server.close();
});

async function auditEntries(): Promise<AuditEntry[]> {
  await server.server.context.audit.flush();
  const rows = await server.server.context.audit.db.allDocs({ includeDocs: true });
  return rows.map((r) => r.doc as unknown as AuditEntry);
}

async function expectAuditedRefusal(userId: UserId, response: ApiResponse, target?: { personId?: string }) {
  const requestId = response.headers.get('x-request-id');
  const entries = (await auditEntries()).filter((e) => e.requestId === requestId);
  expect(entries, `${userId}: no audit entry for refused request ${requestId}`).toHaveLength(1);
  expect(entries[0]).toMatchObject({ userId, result: 'denied', ...(target?.personId ? { targetPersonId: target.personId } : {}) });
}

/** A refusal must not carry anything of the person (name, codes) in its body. */
function expectNoPersonData(response: ApiResponse) {
  const text = JSON.stringify(response.body);
  for (const person of persons) {
    expect(text).not.toContain(person.residentCode);
    expect(text).not.toContain(person.name);
  }
}

describe('authorization matrix: persons', () => {
  for (const userId of userIds) {
    it(`${userId}: search lists exactly the persons of their centers`, async () => {
      const answer = await clients[userId].get('/api/persons?q=');
      if (!caseWorkers.includes(userId)) {
        expect(answer.status).toBe(403);
        expectNoPersonData(answer);
        await expectAuditedRefusal(userId, answer);
        return;
      }
      expect(answer.status).toBe(200);
      const seen = (answer.body.items as Array<{ centerId: string }>).map((p) => p.centerId).sort();
      expect(seen).toEqual([...scope[userId]].sort());
    });

    for (const centerId of centers) {
      const inScope = scope[userId].includes(centerId);
      it(`${userId}: reading the person of center ${centerId} is ${inScope ? 'allowed' : 'refused'}`, async () => {
        const person = personOf(centerId);
        const answer = await clients[userId].get(`/api/persons/${person.id}`);
        if (inScope) {
          expect(answer.status).toBe(200);
          expect(answer.body).toMatchObject({ id: person.id, residentCode: person.residentCode, centerId });
          const read = (await auditEntries()).find((e) => e.requestId === answer.headers.get('x-request-id'));
          expect(read).toMatchObject({ userId, operation: 'read', result: 'success', targetPersonId: person.id, centerId });
          return;
        }
        // Case workers are told "not found", exactly as for an id that does not exist;
        // the others have no case permission at all.
        expect(answer.status).toBe(caseWorkers.includes(userId) ? 404 : 403);
        expectNoPersonData(answer);
        await expectAuditedRefusal(userId, answer, caseWorkers.includes(userId) ? { personId: person.id } : {});
      });
    }
  }

  for (const userId of userIds) {
    for (const { doc, bytes } of scans) {
      const inScope = scope[userId].includes(doc.centerId);
      it(`${userId}: opening the scanned document of center ${doc.centerId} is ${inScope ? 'allowed' : 'refused'}`, async () => {
        const response = await fetch(`${server.url}/api/documents/${doc.id}/file`, { headers: clients[userId].headers });
        const requestId = response.headers.get('x-request-id');
        if (inScope) {
          expect(response.status).toBe(200);
          expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
          expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(doc.fileName)}`);
          const read = (await auditEntries()).find((e) => e.requestId === requestId);
          expect(read).toMatchObject({ userId, operation: 'read', result: 'success', targetPersonId: doc.personId, targetDocumentId: `documents:${doc.id}`, centerId: doc.centerId });
          return;
        }
        expect(response.status).toBe(caseWorkers.includes(userId) ? 404 : 403);
        const text = await response.text();
        expect(text).not.toContain('PDF');
        expect(text).not.toContain(doc.fileName);
        await expectAuditedRefusal(userId, { status: response.status, body: text, headers: response.headers }, caseWorkers.includes(userId) ? { personId: doc.personId } : {});
      });
    }
  }

  it('gives statistics as counts per center, without any person', async () => {
    const answer = await clients.auditor1.get('/api/statistics');
    expect(answer.body.centers).toEqual(centers.map((centerId) => ({ centerId, name: expect.any(String), persons: 1 })));
    expect(answer.body.persons).toBe(6);
    expectNoPersonData(answer);
  });

  it('answers an absent person exactly like one outside scope', async () => {
    const absent = await clients['chuo-cm1'].get('/api/persons/person-0000000000');
    const outside = await clients['chuo-cm1'].get(`/api/persons/${personOf('03').id}`);
    expect(absent.status).toBe(outside.status);
    expect(absent.body.error).toEqual(outside.body.error);
  });
});

interface Endpoint {
  name: string;
  allowed: readonly UserId[];
  call: (client: TestClient, userId: UserId) => Promise<ApiResponse>;
  /** After a refusal: the state the refused call would have changed is unchanged. */
  unchanged?: (userId: UserId) => Promise<void>;
}

const endpoints: Endpoint[] = [
  { name: 'GET /api/audit', allowed: ['auditor1'], call: (c) => c.get('/api/audit?limit=5') },
  { name: 'GET /api/audit/verify', allowed: ['auditor1'], call: (c) => c.get('/api/audit/verify') },
  { name: 'GET /api/audit/export.csv', allowed: ['auditor1'], call: (c) => c.get('/api/audit/export.csv?operation=login') },
  { name: 'GET /api/statistics', allowed: ['auditor1', 'city-staff1'], call: (c) => c.get('/api/statistics') },
  { name: 'GET /api/users', allowed: ['it-admin'], call: (c) => c.get('/api/users') },
  { name: 'GET /api/users/:id', allowed: ['it-admin'], call: (c) => c.get('/api/users/chuo-cm1') },
  {
    name: 'POST /api/users',
    allowed: ['it-admin'],
    call: (c, userId) => c.post('/api/users', { id: `made-by-${userId}`, displayName: '試験 利用者', role: 'careManager', centers: ['02'], password: 'long-enough-pass' }),
    unchanged: async (userId) => {
      expect(server.server.context.users.get(`made-by-${userId}`)).toBeUndefined();
    },
  },
  {
    name: 'PATCH /api/users/:id',
    allowed: ['it-admin'],
    call: (c, userId) => c.patch('/api/users/minami-cm1', { displayName: `変更 ${userId}` }),
    unchanged: async (userId) => {
      expect(server.server.context.users.get('minami-cm1')?.displayName).not.toBe(`変更 ${userId}`);
    },
  },
  { name: 'POST /api/users/:id/unlock', allowed: ['it-admin'], call: (c) => c.post('/api/users/minami-cm1/unlock') },
  { name: 'GET /api/devices', allowed: ['it-admin'], call: (c) => c.get('/api/devices') },
  {
    name: 'POST /api/devices',
    allowed: ['it-admin'],
    call: (c, userId) => c.post('/api/devices', { id: `PC-${userId}`, name: '試験端末', kind: 'pc' }),
    unchanged: async (userId) => {
      expect(server.server.context.devices.get(`PC-${userId}`)).toBeUndefined();
    },
  },
  { name: 'GET /api/auth/me', allowed: userIds, call: (c) => c.get('/api/auth/me') },
];

describe('authorization matrix: administration, audit and session endpoints', () => {
  for (const endpoint of endpoints) {
    for (const userId of userIds) {
      const allowed = endpoint.allowed.includes(userId);
      it(`${userId}: ${endpoint.name} is ${allowed ? 'allowed' : 'refused'}`, async () => {
        const answer = await endpoint.call(clients[userId], userId);
        if (allowed) {
          expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
        } else {
          expect(answer.status).toBe(403);
          expect(answer.body.error.code).toBe('forbidden');
          expect(answer.body.error.message).toContain('権限');
          await expectAuditedRefusal(userId, answer);
        }
        if (!allowed) await endpoint.unchanged?.(userId);
      });
    }
  }

  it('refuses every protected endpoint without a session, and logout ends each role’s session', async () => {
    for (const route of ['/api/persons?q=', `/api/persons/${personOf('01').id}`, '/api/audit', '/api/users', '/api/devices', '/api/auth/me']) {
      const answer = await server.request('GET', route);
      expect(answer.status, route).toBe(401);
      expect(answer.body.error.code).toBe('loginRequired');
    }
    for (const userId of userIds) {
      expect((await clients[userId].post('/api/auth/logout')).status).toBe(200);
      expect((await clients[userId].get('/api/auth/me')).status).toBe(401);
    }
  });
});
