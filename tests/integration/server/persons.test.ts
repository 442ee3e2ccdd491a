// Finding a person the way staff type: hiragana, half-width or long-vowel kana, kanji with
// or without the space, 住民コード and 被保険者番号 — only ever among the persons of their
// own centers, and current as persons are added, changed, moved and removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centerDatabaseName } from '../../../server/storage/names';
import { seedPersons, startTestServer, testPerson, type TestClient, type TestServer } from '../../support/server';

let server: TestServer;
let chuo: TestClient;
let staff: TestClient;

const sato = testPerson(11, '01', {
  name: '佐藤 太郎',
  nameKana: 'サトウ タロウ',
  insured: { insuredNumber: '1234567890', category: 'first', specialAddressRule: false },
});
const satoMinami = testPerson(12, '03', { name: '佐藤 花子', nameKana: 'サトウ ハナコ' });
const yuuko = testPerson(13, '01', { name: '大野 優子', nameKana: 'オオノ ユウコ' });
const kato = testPerson(14, '01', { name: '加藤 一郎', nameKana: 'カトウ イチロウ' });

const search = async (client: TestClient, q: string) => {
  const answer = await client.get(`/api/persons?q=${encodeURIComponent(q)}`);
  expect(answer.status).toBe(200);
  return (answer.body.items as Array<{ id: string }>).map((p) => p.id);
};

beforeAll(async () => {
  server = await startTestServer();
  await seedPersons(server, [sato, satoMinami, yuuko, kato]);
  chuo = await server.login('chuo-cm1');
  staff = await server.login('city-staff1');
});
afterAll(async () => {
  await server.close();
});

describe('person search', () => {
  it('matches kana however it is typed', async () => {
    expect(await search(chuo, 'さとう')).toEqual([sato.id]);
    expect(await search(chuo, 'ｻﾄｳ')).toEqual([sato.id]);
    expect(await search(chuo, 'サトー')).toEqual([sato.id]);
    expect(await search(chuo, 'おおの ゆうこ')).toEqual([yuuko.id]);
    expect(await search(chuo, 'オーノユーコ')).toEqual([yuuko.id]);
  });

  it('matches kanji with or without the space, and part of a name', async () => {
    expect(await search(chuo, '佐藤太郎')).toEqual([sato.id]);
    expect(await search(chuo, '佐藤　太郎')).toEqual([sato.id]);
    expect(await search(chuo, '太郎')).toEqual([sato.id]);
  });

  it('matches 住民コード and 被保険者番号 from the start', async () => {
    expect(await search(chuo, sato.residentCode)).toEqual([sato.id]);
    expect(await search(chuo, '1234567890')).toEqual([sato.id]);
    expect(await search(chuo, '１２３４５')).toEqual([sato.id]);
    expect(await search(chuo, '4567890')).toEqual([]);
  });

  it('puts names that start with the text before names that contain it', async () => {
    expect(await search(chuo, 'トウ')).toEqual([kato.id, sato.id]);
    expect(await search(chuo, 'カ')).toEqual([kato.id]);
  });

  it('never lists a person of another center, and lists all of them for city staff', async () => {
    expect(await search(chuo, '佐藤')).toEqual([sato.id]);
    expect((await search(staff, '佐藤')).sort()).toEqual([sato.id, satoMinami.id].sort());
    const body = (await chuo.get('/api/persons?q=')).body;
    expect(body.items.map((p: { centerId: string }) => p.centerId)).toEqual(['01', '01', '01']);
    expect(body.items[0]).toEqual({ id: expect.any(String), residentCode: expect.any(String), name: expect.any(String), nameKana: expect.any(String), birthDate: '1941-05-06', centerId: '01' });
  });

  it('respects the limit and says there is more', async () => {
    const answer = await staff.get('/api/persons?q=&limit=2');
    expect(answer.body.items).toHaveLength(2);
    expect(answer.body.more).toBe(true);
  });

  it('follows persons as they are changed, moved to another center and removed', async () => {
    const { storage, persons } = server.server.context;
    const chuoDb = await storage.open(centerDatabaseName('persons', '01'));
    const minamiDb = await storage.open(centerDatabaseName('persons', '03'));
    // Renamed.
    const stored = await chuoDb.get(kato.id);
    await chuoDb.put({ ...stored!, name: '加藤 一朗' });
    await persons.caughtUp();
    expect(await search(chuo, '一朗')).toEqual([kato.id]);
    expect(await search(chuo, '一郎')).toEqual([]);
    // Moved from 中央 to 南: gone from 中央's search and reads, found by 南.
    const { _rev: rev, ...current } = (await chuoDb.get(kato.id))!;
    await minamiDb.put({ ...current, centerId: '03' });
    await chuoDb.remove(kato.id, rev!);
    await persons.caughtUp();
    expect(await search(chuo, 'かとう')).toEqual([]);
    expect((await chuo.get(`/api/persons/${kato.id}`)).status).toBe(404);
    const minami = await server.login('minami-cm1');
    expect(await search(minami, 'かとう')).toEqual([kato.id]);
    expect((await minami.get(`/api/persons/${kato.id}`)).body.centerId).toBe('03');
  });
});
