// From a document to PDF bytes: describe the form, subset the font to its characters,
// lay it out with the real glyph widths, draw. Runs the same in the browser and in Node.
import { type CarePlan, type PlanEvaluation, printMessages } from '../../../shared/index';
import { carePlanDocumentTitle, carePlanForm, type CarePlanPrintInput } from './forms/care-plan-form';
import { planEvaluationDocumentTitle, planEvaluationForm, type PlanEvaluationPrintInput } from './forms/plan-evaluation-form';
import { layoutForm } from './layout/flow';
import { type FormDocument, formBlocks, formText } from './layout/model';
import type { PdfAssets } from './pdf-assets';
import { openCanvas, writePages } from './pdf-writer';
import { PrintError } from './print-error';
import { normalizePrintText } from './text-wrap';

export interface PrintOptions {
  /** The PDF's creation date; now unless given. */
  printedAt?: Date;
}

/** A finished print: the bytes, and what the caller audit-logs and saves it as. */
export interface PrintedForm {
  bytes: Uint8Array;
  pageCount: number;
  /** e.g. 介護予防サービス・支援計画書 第2版（令和6年4月1日）: the audit entry's detail and the PDF's title. */
  title: string;
  /** A name for saving, free of characters Windows forbids in file names. */
  fileName: string;
  collection: 'carePlans' | 'planEvaluations';
  documentId: string;
  personId: string;
}

/** Variation selectors and joiners shape their neighbour; they need no glyph of their own. */
const needsNoGlyph = (cp: number): boolean => cp === 0x0a || cp === 0x200c || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

function codePointsOf(strings: readonly string[]): number[] {
  const set = new Set<number>();
  for (const s of strings) for (const char of normalizePrintText(s)) set.add(char.codePointAt(0) as number);
  return [...set].sort((a, b) => a - b);
}

/** Refuses characters the font cannot draw, naming the field, rather than printing blanks. */
function checkPrintable(form: FormDocument, characterSet: ReadonlySet<number>, fallbackField: string): void {
  for (const block of formBlocks(form)) {
    if (block.kind !== 'text') continue;
    const missing = [...new Set(Array.from(normalizePrintText(block.text)).filter((c) => !needsNoGlyph(c.codePointAt(0) as number) && !characterSet.has(c.codePointAt(0) as number)))];
    if (missing.length > 0) {
      const field = block.field ?? fallbackField;
      throw new PrintError('unprintableCharacters', { field, characters: missing.join(' ') }, field);
    }
  }
}

function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among those Windows forbids
  return `${name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').slice(0, 100)}.pdf`;
}

interface PrintJob {
  form: FormDocument;
  /** What the print is filed under: the PDF's title, the audit detail, the file name. */
  title: string;
  /** The kind of form, the PDF's subject and the field named when no other can be. */
  subject: string;
  personName: string;
  collection: PrintedForm['collection'];
  document: CarePlan | PlanEvaluation;
}

async function render(job: PrintJob, assets: PdfAssets, options: PrintOptions): Promise<PrintedForm> {
  // Selectors stay in the set: hb-subset then keeps the variant glyphs they choose (IVS).
  const codePoints = codePointsOf(formText(job.form)).filter((cp) => cp !== 0x0a);
  const canvas = await openCanvas(await assets.subsetFont(codePoints), codePoints);
  checkPrintable(job.form, canvas.characterSet, job.subject);
  const pages = layoutForm(job.form, canvas.measure);
  const bytes = await writePages(canvas, pages, { title: job.title, subject: job.subject, creationDate: options.printedAt ?? new Date() });
  return {
    bytes,
    pageCount: pages.length,
    title: job.title,
    fileName: safeFileName(`${job.title}_${job.personName}`),
    collection: job.collection,
    documentId: job.document.id,
    personId: job.document.personId,
  };
}

/** 介護予防サービス・支援計画書, A3 landscape. Throws PrintError (Japanese, naming the field) on bad input. */
export async function renderCarePlanPdf(input: CarePlanPrintInput, assets: PdfAssets, options: PrintOptions = {}): Promise<PrintedForm> {
  const form = carePlanForm(input);
  const job = { form, title: carePlanDocumentTitle(input.plan), subject: printMessages.carePlan.shortTitle, personName: input.person.name, collection: 'carePlans', document: input.plan } as const;
  return render(job, assets, options);
}

/** 介護予防支援・サービス評価表, A4 landscape. Throws PrintError (Japanese, naming the field) on bad input. */
export async function renderPlanEvaluationPdf(input: PlanEvaluationPrintInput, assets: PdfAssets, options: PrintOptions = {}): Promise<PrintedForm> {
  const form = planEvaluationForm(input);
  const job = { form, title: planEvaluationDocumentTitle(input.evaluation), subject: printMessages.planEvaluation.title, personName: input.person.name, collection: 'planEvaluations', document: input.evaluation } as const;
  return render(job, assets, options);
}
