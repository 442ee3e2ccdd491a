// Makes the PDFs off the page's thread. It runs in a worker of its own because HarfBuzz
// is WebAssembly, which needs 'wasm-unsafe-eval': the server and the desktop app send
// this script (alone) with a CSP allowing it, while the page itself keeps script-src
// 'self'. The tablet stays responsive while a form is laid out, too.
import { browserPdfAssets } from '../../print/browser-assets';
import { renderCarePlanPdf, renderPlanEvaluationPdf } from '../../print/index';
import type { PrintRequest, PrintResponse } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PrintRequest>) => void) | null;
  postMessage(message: PrintResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const request = event.data;
  const printing = request.form === 'carePlan' ? renderCarePlanPdf(request.input, browserPdfAssets()) : renderPlanEvaluationPdf(request.input, browserPdfAssets());
  printing.then(
    (printed) => scope.postMessage({ id: request.id, ok: true, printed }, [printed.bytes.buffer as ArrayBuffer]),
    (error: unknown) => {
      const field = typeof error === 'object' && error !== null && 'field' in error && typeof error.field === 'string' ? error.field : undefined;
      scope.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error), ...(field !== undefined && { field }) });
    },
  );
};
