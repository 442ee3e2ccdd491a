// What the case-work browser tests share: axe with the team's tags, an invented person for
// case work, and reading a downloaded PDF with poppler (the print tests' helpers).
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from 'playwright-core';
import { normalizeKana, type Person } from '../../shared/index';
import { pdfText, renderPage } from '../integration/print/pdf-inspect';

export async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** An invented 要支援2 person of center 01. */
export function caseWorkPerson(n: number, fields: Partial<Person> = {}): Person {
  const residentCode = String(9_200_000_000 + n);
  return {
    id: `person-${residentCode}`,
    residentCode,
    centerId: '01',
    name: '見本　ハル',
    nameKana: 'ミホン　ハル',
    nameKanaKey: normalizeKana('ミホン　ハル'),
    sex: 'female',
    birthDate: '1940-02-11',
    address: 'ひかり野市緑町1丁目2-3',
    residentStatus: 'resident',
    insured: { insuredNumber: `00${residentCode.slice(2)}`, category: 'first', specialAddressRule: false },
    insuranceEligibility: { insuredNumber: `00${residentCode.slice(2)}`, insurerNumber: '139999', careLevel: '13', certifiedOn: '2026-03-20', validFrom: '2026-04-01', validTo: '2027-03-31' },
    updatedAt: '2026-10-01T00:00:00.000Z',
    ...fields,
  };
}

/** A downloaded PDF as a person holding the printout would check it: its text, and whether its first page has ink. */
export async function readPdf(download: Download): Promise<{ text: string; bytes: Uint8Array; firstPageInk: number }> {
  const file = await download.path();
  const bytes = new Uint8Array(await readFile(file));
  return { text: await pdfText(bytes), bytes, firstPageInk: (await renderPage(bytes, 1)).inkRatio };
}

/** pdftotext lays text out in columns and may break lines: compare without whitespace. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** Checks an option of a radio group, the way the case-work forms ask their choices. */
export const choose = (page: Page, group: RegExp, option: string): Promise<void> =>
  page.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option, exact: true }).check();
