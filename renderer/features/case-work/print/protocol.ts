import type { CarePlanPrintInput, PlanEvaluationPrintInput, PrintedForm } from '../../print/index';

// The messages between the screens and the print worker.

export type PrintRequest = { id: number; form: 'carePlan'; input: CarePlanPrintInput } | { id: number; form: 'planEvaluation'; input: PlanEvaluationPrintInput };

export type PrintResponse =
  | { id: number; ok: true; printed: PrintedForm }
  /** `message` is Japanese and names the field at fault (PrintError), or says what failed. */
  | { id: number; ok: false; message: string; field?: string };

export type PrintJob = Omit<PrintRequest, 'id'>;
