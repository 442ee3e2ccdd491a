import { useState } from 'react';
import { caseWorkMessages, format } from '../../../../shared/index';
import { useOpenSession } from '../../../app/context';
import type { PrintedForm } from '../../print/index';
import { auditCaseWork, type CaseAuditEvent, documentRef } from '../audit';
import { deliverPdf } from './deliver-pdf';
import { printInWorker } from './print-client';
import type { PrintJob } from './protocol';

const p = caseWorkMessages.print;

type Status = { state: 'idle' } | { state: 'working' } | { state: 'done'; text: string } | { state: 'failed'; text: string };

/**
 * PDFを作成: makes the form's PDF in the print worker, records the print in the audit log
 * (no PDF leaves the app unrecorded), then saves or downloads it.
 */
export function PrintButton({ job, audit }: { job: () => PrintJob; audit: Omit<CaseAuditEvent, 'operation' | 'documentId' | 'detail'> }) {
  const session = useOpenSession();
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  const print = async () => {
    setStatus({ state: 'working' });
    let printed: PrintedForm;
    try {
      printed = await printInWorker(job());
      await auditCaseWork(session, { ...audit, operation: 'print', documentId: documentRef(printed.collection, printed.documentId), detail: printed.title });
    } catch (error) {
      setStatus({ state: 'failed', text: format(p.failed, { reason: error instanceof Error ? error.message : String(error) }) });
      return;
    }
    const delivered = await deliverPdf(printed);
    switch (delivered.status) {
      case 'saved':
        return setStatus({ state: 'done', text: format(p.saved, { file: delivered.fileName }) });
      case 'downloaded':
        return setStatus({ state: 'done', text: format(p.done, { pages: printed.pageCount, file: delivered.fileName }) });
      case 'canceled':
        return setStatus({ state: 'done', text: p.canceled });
      case 'failed':
        return setStatus({ state: 'failed', text: format(p.failed, { reason: delivered.message }) });
    }
  };

  return (
    <div className="print-action">
      <button type="button" onClick={() => void print()} disabled={status.state === 'working'}>
        {status.state === 'working' ? p.working : p.button}
      </button>
      <p role={status.state === 'failed' ? 'alert' : 'status'} className={status.state === 'failed' ? 'form-error' : undefined}>
        {status.state === 'done' || status.state === 'failed' ? status.text : ''}
      </p>
    </div>
  );
}
