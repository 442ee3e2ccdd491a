import { useState } from 'react';
import { format, uiMessages, type KizunaDocument, type Person } from '../../../shared/index';
import { ApiFailure } from '../../api/client';
import { saveBlob } from '../../api/download';
import { useOpenSession, useServices } from '../../app/context';
import { DataTable } from '../../ui/DataTable';
import { orNone, warekiDate } from '../../ui/format';
import { deliverPdf } from '../case-work/print/deliver-pdf';
import { useBrowserOnline } from '../login/use-browser-online';
import { Section } from '../ledger/Section';
import { usePersonDocuments } from './use-documents';

const m = uiMessages.documents;

type Status = { state: 'idle' } | { state: 'working'; text: string } | { state: 'done'; text: string } | { state: 'failed'; text: string };

const typeText = (doc: KizunaDocument): string => (doc.documentType ? m.documentType[doc.documentType] : m.kind[doc.kind]);
const nameOf = (doc: KizunaDocument): string => doc.title ?? doc.fileName;

/**
 * 書類: what was scanned or attached for this person. The list and any OCR text are on
 * the device; a file's bytes are fetched from the server when someone saves it (the
 * server checks the scope and records the read), so the tablet carries no scans.
 */
export function DocumentsSection({ person }: { person: Person }) {
  const session = useOpenSession();
  const { api } = useServices();
  const online = useBrowserOnline();
  const documents = usePersonDocuments(session.db, person.id);
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  const save = async (doc: KizunaDocument) => {
    const name = nameOf(doc);
    if (!session.online) return setStatus({ state: 'failed', text: m.offlineSession });
    setStatus({ state: 'working', text: format(m.working, { name }) });
    let blob: Blob;
    try {
      blob = await api.download(`/api/documents/${encodeURIComponent(doc.id)}/file`);
    } catch (error) {
      if (error instanceof ApiFailure && error.kind === 'unreachable') return setStatus({ state: 'failed', text: m.offline });
      const reason = error instanceof ApiFailure ? (error.serverMessage ?? error.kind) : String(error);
      return setStatus({ state: 'failed', text: format(m.failed, { name, reason }) });
    }
    if (blob.type !== 'application/pdf') {
      saveBlob(blob, doc.fileName);
      return setStatus({ state: 'done', text: format(m.downloaded, { name: doc.fileName }) });
    }
    const delivered = await deliverPdf({ fileName: doc.fileName, bytes: new Uint8Array(await blob.arrayBuffer()) });
    switch (delivered.status) {
      case 'saved':
        return setStatus({ state: 'done', text: format(m.saved, { name: delivered.fileName }) });
      case 'downloaded':
        return setStatus({ state: 'done', text: format(m.downloaded, { name: delivered.fileName }) });
      case 'canceled':
        return setStatus({ state: 'done', text: m.canceled });
      case 'failed':
        return setStatus({ state: 'failed', text: format(m.failed, { name, reason: delivered.message }) });
    }
  };

  if (documents === undefined) return null;
  return (
    <Section title={m.section}>
      {documents.length > 0 && <p className="field-hint">{online ? m.onlineOnly : m.offline}</p>}
      <DataTable<KizunaDocument>
        caption={m.caption}
        columns={[
          { header: m.columns.title, cell: nameOf },
          { header: m.columns.type, cell: typeText },
          { header: m.columns.receivedOn, cell: (doc) => warekiDate(doc.receivedOn) },
          { header: m.columns.pages, cell: (doc) => orNone(doc.pageCount) },
          { header: m.columns.ocr, cell: (doc) => (doc.ocr ? m.ocr[doc.ocr.status] : orNone(undefined)) },
          {
            header: m.columns.file,
            cell: (doc) =>
              doc.file ? (
                <button type="button" onClick={() => void save(doc)} disabled={status.state === 'working' || !online}>
                  {format(m.save, { name: doc.fileName })}
                </button>
              ) : (
                m.noFile
              ),
          },
        ]}
        rows={documents}
        rowKey={(doc) => doc.id}
        empty={m.none}
      />
      <p role={status.state === 'failed' ? 'alert' : 'status'} className={status.state === 'failed' ? 'form-error' : undefined}>
        {status.state === 'idle' ? '' : status.text}
      </p>
    </Section>
  );
}
