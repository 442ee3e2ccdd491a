// Scanned documents for the demo: a 主治医意見書 record for one certified person in five,
// all pointing at one small invented PDF, so the ledger's 書類 section has something to
// list and to save. The PDF is made here (the shared core computes no hashes and draws
// no PDFs); its bytes are fixed, so a demo load cut short and run again names the same file.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { addDays, type KizunaDocument, type Person } from '../../shared/index';
import { sha256Hex } from '../files/store';

const fixedDate = new Date('2026-10-01T00:00:00.000Z');

export interface DemoScanFile {
  sha256: string;
  contentType: 'application/pdf';
  size: number;
  bytes: Uint8Array;
}

/** One page saying plainly that it is an invented sample (a standard font: no Japanese glyphs needed). */
export async function demoScanFile(): Promise<DemoScanFile> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Kizuna demo scan');
  pdf.setCreator('Kizuna demo data');
  pdf.setProducer('Kizuna demo data');
  pdf.setCreationDate(fixedDate);
  pdf.setModificationDate(fixedDate);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const lines = ["Physician's opinion (demo)", 'Invented sample document for the Kizuna demo.', 'It describes no real person.'];
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 760 - i * 28, size: i === 0 ? 20 : 12, font }));
  const bytes = await pdf.save({ useObjectStreams: false });
  return { sha256: sha256Hex(bytes), contentType: 'application/pdf', size: bytes.length, bytes };
}

/** 主治医意見書 records of every fifth person with a care level, received a week before certification. */
export function demoScans(persons: readonly Person[], file: Pick<DemoScanFile, 'sha256' | 'size' | 'contentType'>): KizunaDocument[] {
  const certified = persons.filter((p) => p.insuranceEligibility?.certifiedOn !== undefined);
  return certified
    .filter((_, i) => i % 5 === 0)
    .map((person) => {
      const certifiedOn = person.insuranceEligibility?.certifiedOn ?? '2026-01-01';
      const receivedOn = addDays(certifiedOn, -7);
      return {
        id: `document-demo-${person.residentCode}-1`,
        personId: person.id,
        centerId: person.centerId,
        kind: 'scan',
        documentType: 'physicianOpinion',
        receivedOn,
        title: `主治医意見書（${receivedOn.slice(0, 4)}年受付・見本）`,
        fileName: `主治医意見書_${person.residentCode}.pdf`,
        pageCount: 1,
        file: { contentType: file.contentType, size: file.size, sha256: file.sha256 },
        ocr: { status: 'pending' },
        createdAt: `${receivedOn}T00:00:00.000Z`,
        createdBy: 'demo-loader',
        updatedAt: `${receivedOn}T00:00:00.000Z`,
        updatedBy: 'demo-loader',
      };
    });
}
