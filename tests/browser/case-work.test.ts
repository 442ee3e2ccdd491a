import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, addMonths, type AuditEntry, type BasicChecklist, basicChecklistQuestions, type CarePlan, type Consultation, type PlanEvaluation } from '../../shared/index';
import { startTestServer, type TestServer } from '../support/server';
import { collectPageErrors, desktopViewport, launchChromium } from '../support/browser';
import { expectNoPageErrors, openStoreHarness, signedInPage, signIn, slow, type StoreHarness } from './helpers';
import { axe, caseWorkPerson, readPdf, squeeze, choose } from './case-work-support';

// A care manager of center 01 at a PC, by keyboard and mouse: consultation records with
// drafts that survive closing the app and corrections that keep what they replaced, a
// center's consultations over a date range; the basic checklist judged live; a plan from
// the checklist, its next version and its evaluation, printed; and the ledger's due dates.

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let store: StoreHarness;
let errors: string[];
const person = caseWorkPerson(1);
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  ({ context, page, errors } = await signedInPage(browser, server.url, 'chuo-cm1'));
  store = await openStoreHarness(context, server.url);
  await store.put('chuo-cm1', 'persons', [person, caseWorkPerson(2, { name: '試験　ナツ', nameKana: 'シケン　ナツ' })]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const consultations = () => store.read<Consultation>('chuo-cm1', 'consultations');
const audit = () => store.read<AuditEntry>('chuo-cm1', 'auditEntries');
const said = '長女より電話。\n  母が同じことを何度も聞くようになった。\n\n通帳の置き場所が分からなくなることもある。';

async function open(target: Page, hash: string, heading: string | RegExp): Promise<void> {
  await target.goto(`${server.url}/#${hash}`);
  await target.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('consultation records', () => {
  it('keeps a half-written consultation as a draft when the app is closed, and saves it with its line breaks', async () => {
    await open(page, `/persons/${person.id}`, /見本/);
    await page.getByRole('link', { name: /相談記録（0件）/ }).click();
    await page.getByRole('link', { name: '相談記録を作成' }).click();
    await page.getByRole('heading', { level: 1, name: /相談記録の新規作成/ }).waitFor();
    await page.getByLabel('相談日').fill(addDays(today, -1));
    await page.getByLabel('開始時刻').fill('10:05');
    await page.getByLabel('終了時刻').fill('10:50');
    await choose(page, /^相談方法/, '電話');
    await choose(page, /^相談者区分/, '家族');
    await page.getByLabel('相談者氏名').fill('見本　一子');
    await choose(page, /^業務区分/, '総合相談');
    await page.getByLabel('相談分類').selectOption('01');
    await page.getByLabel('相談内容').fill(said);
    await page.getByLabel('対応内容').fill('もの忘れ相談医の受診を勧めた。\n来週訪問する。');
    await page.getByRole('checkbox', { name: '認知症関連' }).check();
    await expect.poll(() => page.getByRole('status', { name: '下書きの状態' }).innerText(), slow).toContain('下書きを保存しました');

    // Closing the app: the page goes, and with it the unlocked session.
    await page.close();
    page = await context.newPage();
    await page.goto(server.url);
    await signIn(page, 'chuo-cm1');
    await open(page, `/persons/${person.id}/consultations/new`, /相談記録の新規作成/);
    await expect.poll(() => page.getByLabel('相談内容').inputValue()).toBe(said);
    expect(await page.getByLabel('相談者氏名').inputValue()).toBe('見本　一子');
    expect(await page.getByRole('radiogroup', { name: /^相談方法/ }).getByRole('radio', { name: '電話' }).isChecked()).toBe(true);
    expect(await page.getByRole('status', { name: '下書きの状態' }).innerText()).toContain('下書きから復元しました');
    expect(await consultations()).toEqual([]);

    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('heading', { level: 1, name: /^相談記録/ }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('保存しました');
    const [saved] = await consultations();
    expect(saved).toMatchObject({ personId: person.id, centerId: '01', content: said, method: 'phone', consulterKind: 'family', startTime: '10:05', endTime: '10:50', categoryCode: '01', dementiaRelated: true, createdBy: 'chuo-cm1' });
    // Shown as written: every line, and the blank line between.
    expect(await page.locator('.long-text').first().evaluate((el) => (el as HTMLElement).innerText)).toBe(said);
    const entries = await audit();
    expect(entries.filter((e) => e.menu === 'consultation' && e.targetDocumentId === `consultations:${saved?.id}`).map((e) => e.operation).sort()).toEqual(['create', 'read']);
    expect(await axe(page)).toEqual([]);
  });

  it('refuses bad input naming the fields in Japanese, and stores nothing', async () => {
    await open(page, `/persons/${person.id}/consultations/new`, /相談記録の新規作成/);
    await page.getByLabel('相談日').fill('');
    await page.getByLabel('開始時刻').fill('11:00');
    await page.getByLabel('終了時刻').fill('10:00');
    await page.getByRole('checkbox', { name: '虐待の疑い' }).check();
    await page.getByRole('button', { name: '保存する' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '入力内容を確認してください' });
    await summary.waitFor();
    const text = await summary.innerText();
    for (const message of ['相談日を入力してください', '終了時刻が開始時刻より前になっています', '相談方法を選んでください', '虐待の疑いがある場合は、虐待の種別を1つ以上選んでください']) expect(text).toContain(message);
    // The summary's links take the keyboard to the field.
    await summary.getByRole('link', { name: '相談日を入力してください' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-date');
    expect(await axe(page)).toEqual([]);
    expect(await consultations()).toHaveLength(1);
    await page.getByRole('button', { name: '下書きを破棄する' }).click();
  });

  it('corrects a record without losing what it said before, and shows the history', async () => {
    const [record] = await consultations();
    await open(page, `/persons/${person.id}/consultations/${record?.id}`, /^相談記録/);
    await page.getByRole('link', { name: '編集する' }).click();
    await page.getByRole('heading', { level: 1, name: /相談記録の訂正/ }).waitFor();
    await page.getByLabel('相談内容').fill('長男より電話。\n父の物忘れが心配とのこと。');
    await choose(page, /^継続区分/, '終結');
    await page.getByLabel('訂正の理由').fill('相談者の聞き違い');
    await page.getByRole('button', { name: '保存する' }).click();
    const history = page.getByRole('region', { name: '訂正履歴' });
    await expect.poll(() => history.innerText()).toContain('第2版');
    const shown = await history.innerText();
    expect(shown).toContain('相談者の聞き違い');
    expect(shown).toContain('母が同じことを何度も聞くようになった');
    expect(shown).toContain('父の物忘れが心配とのこと');
    const [corrected] = await consultations();
    expect(corrected?.status).toBe('closed');
    expect(corrected?.corrections).toEqual([expect.objectContaining({ correctedBy: 'chuo-cm1', reason: '相談者の聞き違い', changed: ['content', 'status'], previous: { content: said, status: 'continuing' } })]);
    expect((await audit()).some((e) => e.operation === 'update' && e.targetDocumentId === `consultations:${record?.id}`)).toBe(true);
    expect(await axe(page)).toEqual([]);
  });

  it("searches a person's consultations by words and dates, and a center's by date range", async () => {
    const older: Consultation = {
      id: 'consultation-older',
      personId: person.id,
      centerId: '01',
      date: addMonths(today, -3),
      method: 'homeVisit',
      consulterKind: 'self',
      businessCategory: 'advocacy',
      content: '訪問販売の業者が頻繁に出入りしている。ケアマネジャーに連絡した。',
      status: 'closed',
      afterHours: false,
      dementiaRelated: false,
      suspectedAbuse: false,
      abuseTypes: [],
      updatedAt: '2026-08-01T00:00:00.000Z',
    };
    await store.put('chuo-cm1', 'consultations', [older, { ...older, id: 'consultation-other', personId: caseWorkPerson(2).id, date: addDays(today, -2), content: 'サロンへの参加について相談。' }]);
    await open(page, `/persons/${person.id}/consultations`, /^相談記録/);
    const rows = page.getByRole('region', { name: '相談記録の一覧' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('searchbox', { name: '相談記録を検索' }).fill('けあまね　訪問販売');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.innerText()).toContain('権利擁護');
    await page.getByRole('searchbox', { name: '相談記録を検索' }).fill('');
    await page.getByLabel('期間（開始）').fill(addMonths(today, -1));
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.innerText()).toContain('長男より電話');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '相談記録一覧' }).click();
    await page.getByRole('heading', { level: 1, name: 'センターの相談記録' }).waitFor();
    await page.getByLabel('期間（開始）').fill(addDays(today, -7));
    await page.getByRole('button', { name: '表示する' }).click();
    const centerRows = page.getByRole('region', { name: '相談記録の一覧' }).locator('tbody tr');
    await expect.poll(() => centerRows.count()).toBe(2);
    const listed = await page.getByRole('region', { name: '相談記録の一覧' }).innerText();
    expect(listed).toContain('見本　ハル');
    expect(listed).toContain('試験　ナツ');
    expect(listed).not.toContain('訪問販売');
    expect((await audit()).some((e) => e.menu === 'consultationCenterList' && e.operation === 'search' && e.centerId === '01')).toBe(true);
    expect(await axe(page)).toEqual([]);
  });
});

/** Answers under which exactly the given items score 1 (item 12 is left to height and weight). */
function answersScoring(scored: readonly number[]): Map<number, 'はい' | 'いいえ'> {
  const answers = new Map<number, 'はい' | 'いいえ'>();
  for (const q of basicChecklistQuestions) {
    if (q.scoresOn === 'bmi') continue;
    const scores = scored.includes(q.number);
    answers.set(q.number, (q.scoresOn === 'yes') === scores ? 'はい' : 'いいえ');
  }
  return answers;
}

const question = (target: Page, n: number) => target.getByRole('radiogroup', { name: new RegExp(`^${n}\\.`) });

describe('the basic checklist', () => {
  it('asks the 25 questions as numbered radio groups and judges live, never an incomplete checklist', async () => {
    await open(page, `/persons/${person.id}`, /見本/);
    await page.getByRole('link', { name: /基本チェックリスト（0件）/ }).click();
    await page.getByRole('link', { name: '基本チェックリストを入力' }).click();
    await page.getByRole('heading', { level: 1, name: /基本チェックリストの入力/ }).waitFor();
    for (const q of basicChecklistQuestions) {
      if (q.number === 12) continue;
      const group = question(page, q.number);
      expect(await group.count(), `question ${q.number}`).toBe(1);
      expect(await group.getAttribute('aria-labelledby').then((id) => page.locator(`[id="${id}"]`).innerText())).toBe(`${q.number}. ${q.text}`);
      expect(await group.getByRole('radio', { name: 'はい', exact: true }).count()).toBe(1);
      expect(await group.getByRole('radio', { name: 'いいえ', exact: true }).count()).toBe(1);
    }
    const judgement = page.getByRole('region', { name: '判定' });
    expect(await judgement.innerText()).toContain('未回答があるため判定していません');
    await choose(page, /^実施方法/, '訪問');

    // 6, 7 and 9 score: 運動機能の低下. Answered by keyboard for the first, by pointer for the rest.
    const answers = answersScoring([6, 7, 9]);
    await question(page, 1).getByRole('radio', { name: answers.get(1) as string, exact: true }).focus();
    await page.keyboard.press('Space');
    for (const [n, answer] of answers) if (n !== 1) await question(page, n).getByRole('radio', { name: answer, exact: true }).check();
    let shown = await judgement.innerText();
    expect(shown).toContain('未回答: 12番');
    expect(shown).not.toContain('事業対象者');

    await page.getByLabel('身長', { exact: true }).fill('１５０．５');
    await page.getByLabel('体重', { exact: true }).fill('40');
    await expect.poll(() => judgement.innerText()).toContain('事業対象者');
    shown = await judgement.innerText();
    expect(shown).toContain('運動機能の低下');
    expect(shown).toContain('BMI 17.7');
    expect(shown).not.toContain('低栄養状態'); // item 11 was いいえ
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('heading', { level: 1, name: /^基本チェックリスト/ }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: '判定' }).innerText()).toContain('事業対象者');
    expect(await axe(page)).toEqual([]);
    const [saved] = await store.read<BasicChecklist>('chuo-cm1', 'basicChecklists');
    expect(saved).toMatchObject({ method: 'visit', heightCm: 150.5, weightKg: 40, conductedOn: today });
    expect(saved?.answers[11]).toBeNull();
    expect(saved?.answers.filter((a) => a === null)).toHaveLength(1);
  });

  it('saves an incomplete checklist as incomplete, and lists every checklist with its date and result', async () => {
    await open(page, `/persons/${person.id}/checklists/new`, /基本チェックリストの入力/);
    await choose(page, /^実施方法/, '窓口');
    await page.getByLabel('実施日').fill(addDays(today, -10));
    await question(page, 1).getByRole('radio', { name: 'はい', exact: true }).check();
    await question(page, 2).getByRole('radio', { name: 'いいえ', exact: true }).check();
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('未回答の項目があるため「未完了」として保存しました。');
    expect(await page.getByRole('region', { name: '判定' }).innerText()).not.toContain('事業対象者');

    await open(page, `/persons/${person.id}/checklists`, /^基本チェックリスト/);
    const rows = page.getByRole('region', { name: '基本チェックリスト' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const [latest, older] = await rows.allInnerTexts();
    expect(latest).toContain('事業対象者');
    expect(latest).toContain('完了');
    expect(older).toContain('未判定（未回答 23件）');
    expect(older).toContain('未完了');
    expect(await axe(page)).toEqual([]);
  });
});

describe('care plans, versions and evaluations', () => {
  it('writes a prevention plan with the checklist counts of the latest complete checklist', async () => {
    await open(page, `/persons/${person.id}`, /見本/);
    await page.getByRole('link', { name: /ケアプラン（0件）/ }).click();
    await page.getByRole('heading', { level: 1, name: /ケアプラン/ }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('まだケアプランはありません');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('link', { name: '介護予防サービス・支援計画書を作成' }).click();
    await page.getByRole('heading', { level: 1, name: /介護予防サービス・支援計画書の作成/ }).waitFor();
    const counts = page.getByRole('region', { name: '基本チェックリストの該当数' });
    expect(await counts.innerText()).toMatch(/運動不足\s+3\/5/);
    // Four months ago, so that monitoring and evaluation are overdue today.
    await page.getByLabel('計画作成（変更）日').fill(addMonths(today, -4));
    await page.getByLabel('初回作成日').fill(addMonths(today, -4));
    await page.getByLabel('目標とする生活（1日）').fill('朝は近所を散歩し、昼は自分で食事を用意する。');
    await page.getByLabel('運動・移動：現在の状況').fill('階段の昇り降りに手すりが必要。\n15分以上続けて歩けない。');
    await page.getByLabel('総合的課題', { exact: true }).fill('下肢筋力の低下で外出が減っている。');
    await page.getByLabel('目標1：目標').fill('一人で近所のスーパーまで歩いて買い物に行ける');
    await page.getByLabel('目標1：具体策').fill('通所型サービスで週1回運動する。');
    await page.getByLabel('1行目：目標についての支援のポイント').fill('下肢筋力の向上');
    await page.getByLabel('1行目：サービス種別').fill('通所型サービス');
    await page.getByLabel('1行目：期間（開始）').fill(addMonths(today, -4));
    await page.getByLabel('1行目：期間（終了）').fill(addDays(today, -3));
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('heading', { level: 1, name: /介護予防サービス・支援計画書 第1版/ }).waitFor();
    const [plan] = await store.read<CarePlan>('chuo-cm1', 'carePlans');
    const [checklist] = (await store.read<BasicChecklist>('chuo-cm1', 'basicChecklists')).filter((c) => c.conductedOn === today);
    expect(plan).toMatchObject({ planType: 'preventionPlan', planVersion: 1, careLevel: '13', evaluationDueOn: addDays(today, -3), checklist: { checklistId: checklist?.id, motor: { scored: 3, of: 5 } } });
    expect(await axe(page)).toEqual([]);

    await open(page, `/persons/${person.id}`, /見本/);
    const due = page.getByRole('region', { name: 'ケアプランの期限' });
    await expect.poll(() => due.innerText()).toContain('モニタリング');
    const text = await due.innerText();
    expect(text.match(/期限切れ/g)).toHaveLength(2);
  });

  it('starts a new version from the previous one, keeps the old one, and fixes a version once consented', async () => {
    const [first] = await store.read<CarePlan>('chuo-cm1', 'carePlans');
    await open(page, `/persons/${person.id}/plans/${first?.id}`, /第1版/);
    await page.getByRole('link', { name: '新しい版を作成' }).click();
    await page.getByRole('heading', { level: 1, name: /第2版）の作成/ }).waitFor();
    expect(await page.getByLabel('目標1：目標').inputValue()).toBe('一人で近所のスーパーまで歩いて買い物に行ける');
    expect(await page.getByRole('radiogroup', { name: /^計画区分/ }).getByRole('radio', { name: '継続' }).isChecked()).toBe(true);
    await page.getByLabel('目標1：目標').fill('一人でバスに乗って買い物に行ける');
    await page.getByLabel('1行目：期間（開始）').fill(today);
    await page.getByLabel('1行目：期間（終了）').fill(addMonths(today, 6));
    await page.getByLabel('同意日').fill(today);
    await page.getByLabel('同意者の氏名').fill('見本　ハル');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('heading', { level: 1, name: /第2版/ }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('同意済みのため、この版は変更できません');
    expect(await page.getByRole('link', { name: '編集する' }).count()).toBe(0);
    const plans = await store.read<CarePlan>('chuo-cm1', 'carePlans');
    expect(plans).toHaveLength(2);
    const second = plans.find((p) => p.planVersion === 2);
    expect(second).toMatchObject({ previousVersionId: first?.id, planCategory: 'continuation', firstCreatedOn: addMonths(today, -4), consentOn: today });
    expect(plans.find((p) => p.id === first?.id)?.goals?.[0]?.goal).toBe('一人で近所のスーパーまで歩いて買い物に行ける');
    await page.getByRole('region', { name: '版の履歴' }).getByRole('link', { name: /第1版/ }).click();
    await page.getByRole('heading', { level: 1, name: /第1版/ }).waitFor();
    expect(await page.getByRole('link', { name: '新しい版を作成' }).count()).toBe(0);
  });

  it('evaluates the plan goal by goal, prints the 評価表, and the ledger shows it done', async () => {
    const second = (await store.read<CarePlan>('chuo-cm1', 'carePlans')).find((p) => p.planVersion === 2);
    await open(page, `/persons/${person.id}/plans/${second?.id}`, /第2版/);
    await page.getByRole('link', { name: '評価表を作成' }).click();
    await page.getByRole('heading', { level: 1, name: /評価表の作成/ }).waitFor();
    await page.getByRole('button', { name: '保存する' }).click();
    expect(await page.getByRole('alert').filter({ hasText: '入力内容を確認してください' }).innerText()).toContain('目標1の目標達成状況を選んでください');
    await choose(page, /^目標1の目標達成状況/, '一部達成');
    await page.getByLabel('目標1の目標達成しない原因（本人・家族の意見）').fill('雨の日が続き、外出できない週があった。');
    await page.getByLabel('目標1の今後の方針').fill('送迎付きの通所を続ける。');
    await choose(page, /^総合的な方針/, 'プラン継続');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('heading', { level: 1, name: /介護予防支援・サービス評価表/ }).waitFor();
    expect(await axe(page)).toEqual([]);

    const downloading = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'PDFを作成' }).click();
    const pdf = await readPdf(await downloading);
    expect(squeeze(pdf.text)).toContain(squeeze('介護予防支援・サービス評価表'));
    expect(squeeze(pdf.text)).toContain(squeeze('一人でバスに乗って買い物に行ける'));
    expect(squeeze(pdf.text)).toContain(squeeze('雨の日が続き、外出できない週があった。'));
    expect(pdf.firstPageInk).toBeGreaterThan(0.01);
    await expect.poll(() => page.locator('.print-action').innerText()).toContain('PDFを作成しました');
    const [evaluation] = await store.read<PlanEvaluation>('chuo-cm1', 'planEvaluations');
    expect((await audit()).filter((e) => e.operation === 'print').map((e) => [e.menu, e.targetDocumentId, e.targetPersonId])).toEqual([['planEvaluation', `planEvaluations:${evaluation?.id}`, person.id]]);

    await open(page, `/persons/${person.id}`, /見本/);
    const due = page.getByRole('region', { name: 'ケアプランの期限' });
    await expect.poll(() => due.innerText()).toContain('第2版');
    const text = await due.innerText();
    expect(text).not.toContain('期限切れ');
    expect(text).toContain('計画作成後のモニタリング訪問の記録なし');
    expect(await axe(page)).toEqual([]);
  });

  it('ran without a page error', () => {
    expectNoPageErrors(errors);
  });
});

describe('printing in the desktop app', () => {
  it('saves the plan through window.kizuna.savePdf, after the print is in the audit log', async () => {
    // The Electron shell's bridge, injected: the binary cannot run here.
    const desktop = await browser.newContext(desktopViewport);
    const desktopErrors = collectPageErrors(desktop);
    await desktop.addInitScript((serverUrl) => {
      const saved: Array<{ fileName: string; size: number; head: string }> = [];
      Object.assign(window, {
        savedPdfs: saved,
        kizuna: {
          getServerUrl: async () => serverUrl,
          setServerUrl: async () => ({ ok: false, message: 'not in this test' }),
          printToPdf: async () => ({ status: 'canceled' }),
          savePdf: async ({ fileName, bytes }: { fileName: string; bytes: Uint8Array }) => {
            saved.push({ fileName, size: bytes.length, head: new TextDecoder().decode(bytes.subarray(0, 5)) });
            return { status: 'saved', fileName };
          },
        },
      });
    }, server.url);
    const pcPage = await desktop.newPage();
    await pcPage.goto(server.url);
    await signIn(pcPage, 'chuo-cm1');
    const harness = await openStoreHarness(desktop, server.url);
    const plans = await store.read<CarePlan>('chuo-cm1', 'carePlans');
    await harness.put('chuo-cm1', 'persons', [person]);
    await harness.put('chuo-cm1', 'carePlans', plans);
    const second = plans.find((p) => p.planVersion === 2);
    await pcPage.goto(`${server.url}/#/persons/${person.id}/plans/${second?.id}`);
    await pcPage.getByRole('heading', { level: 1, name: /第2版/ }).waitFor();
    await pcPage.getByRole('button', { name: 'PDFを作成' }).click();
    await expect.poll(() => pcPage.locator('.print-action').innerText(), { timeout: 120_000 }).toContain('PDFを保存しました');
    const saved = await pcPage.evaluate(() => (window as unknown as { savedPdfs: Array<{ fileName: string; size: number; head: string }> }).savedPdfs);
    expect(saved).toEqual([{ fileName: expect.stringMatching(/^介護予防サービス・支援計画書 第2版.*_見本\u3000ハル\.pdf$/), size: expect.any(Number), head: '%PDF-' }]);
    expect((await harness.read<AuditEntry>('chuo-cm1', 'auditEntries')).filter((e) => e.operation === 'print').map((e) => e.targetDocumentId)).toEqual([`carePlans:${second?.id}`]);
    expectNoPageErrors(desktopErrors);
    await desktop.close();
  });
});

