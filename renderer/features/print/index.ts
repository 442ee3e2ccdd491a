// Printed forms: the care plan (介護予防サービス・支援計画書, A3 landscape) and its evaluation
// (介護予防支援・サービス評価表, A4 landscape) as PDF, made in the client so tablets print offline.
// Browser code gets its assets from './browser-assets' (browserPdfAssets()).
export { renderCarePlanPdf, renderPlanEvaluationPdf, type PrintedForm, type PrintOptions } from './render';
export { createPdfAssets, type PdfAssets, type PdfAssetSources } from './pdf-assets';
export { PrintError, type PrintErrorCode } from './print-error';
export { carePlanForm, carePlanDocumentTitle, type CarePlanPrintInput, type PrintPerson } from './forms/care-plan-form';
export { planEvaluationForm, planEvaluationDocumentTitle, type PlanEvaluationPrintInput } from './forms/plan-evaluation-form';
export { layoutForm } from './layout/flow';
export type { FormDocument, LaidOutPage, DrawOp } from './layout/model';
