// How long printing a care plan takes and how big the PDF is, with the font subset by
// HarfBuzz (what the client does) against a baseline in the same process that embeds
// the whole Noto Sans JP. Prints figures, ratios and a final RESULT line.
// Usage: npm run bench:print [-- --runs N]
import { readFile } from 'node:fs/promises';
import { renderCarePlanPdf, renderPlanEvaluationPdf, type PdfAssets } from '../renderer/features/print/index';
import { carePlan, person, planEvaluation } from '../tests/integration/print/fixtures';
import { nodePdfAssets, printAssetFiles } from '../tests/integration/print/node-assets';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await task();
  return { ms: performance.now() - start, value };
}

async function measure(label: string, assets: PdfAssets): Promise<{ firstMs: number; planMs: number; evaluationMs: number; planBytes: number; evaluationBytes: number }> {
  const first = await time(() => renderCarePlanPdf({ plan: carePlan, person }, assets));
  const plans: number[] = [];
  const evaluations: number[] = [];
  let evaluationBytes = 0;
  for (let i = 0; i < runs; i++) {
    plans.push((await time(() => renderCarePlanPdf({ plan: carePlan, person }, assets))).ms);
    const evaluation = await time(() => renderPlanEvaluationPdf({ evaluation: planEvaluation, person }, assets));
    evaluations.push(evaluation.ms);
    evaluationBytes = evaluation.value.bytes.length;
  }
  const result = { firstMs: first.ms, planMs: median(plans), evaluationMs: median(evaluations), planBytes: first.value.bytes.length, evaluationBytes };
  console.log(
    `${label.padEnd(22)} first print ${result.firstMs.toFixed(0)} ms (loads the font), care plan ${result.planMs.toFixed(0)} ms / ${(result.planBytes / 1024).toFixed(0)} KB (${first.value.pageCount} A3 pages), evaluation ${result.evaluationMs.toFixed(0)} ms / ${(result.evaluationBytes / 1024).toFixed(0)} KB`,
  );
  return result;
}

const wholeFont = new Uint8Array(await readFile(printAssetFiles.font));
// Baseline: no subsetting at all, the 5.4 MB font embedded as it is.
const baseline: PdfAssets = { subsetFont: async () => wholeFont };

console.log(`runs: ${runs} (median of each)`);
const base = await measure('whole font (baseline)', baseline);
const subset = await measure('HarfBuzz subset', nodePdfAssets());
console.log(`ratios subset/baseline: care plan time ${(subset.planMs / base.planMs).toFixed(2)}, size ${(subset.planBytes / base.planBytes).toFixed(3)}`);
console.log(
  `RESULT print_plan_ms=${subset.planMs.toFixed(0)} print_plan_kb=${(subset.planBytes / 1024).toFixed(0)} print_evaluation_ms=${subset.evaluationMs.toFixed(0)} first_print_ms=${subset.firstMs.toFixed(0)} baseline_plan_kb=${(base.planBytes / 1024).toFixed(0)} time_ratio=${(subset.planMs / base.planMs).toFixed(2)}`,
);
