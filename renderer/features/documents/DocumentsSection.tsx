import { useState } from 'react';
import { auditAs } from '../../session/audit';
import { format, uiMessages, type KizunaDocument, type Person } from '../../../shared/index';
import { ApiFailure } from '../../api/client';
import { saveBlob } from '../../api/download';
import { useOpenSession, useServices } from '../../app/context';
import { DataTable } from '../../ui/DataTable';
import { orNone, warekiDate } from '../../ui/format';
import { deliverPdf } from '../case-work/print/deliver-pdf';
import { useBrowserOnline } from '../login/use-browser-online';
import { Section } from '../ledger/Section';
import { pinFile, pinnedBytes, PinnedFileMismatchError, unpinFile, usePinnedIds } from './pinned-files';
import { usePersonDocuments } from './use-documents';

const m = uiMessages.documents;

type Status = { state: 'idle' } | { state: 'working'; text: string } | { state: 'done'; text: string } | { state: 'failed'; text: string };

const typeText = (doc: KizunaDocument): string => (doc.documentType ? m.documentType[doc.documentType] : m.kind[doc.kind]);
const nameOf = (doc: KizunaDocument): string => doc.title ?? doc.fileName;

/** The menu of the device's own audit entries for files opened from a pin. */
export const documentsMenu = 'documents';

/**
 * 書類: what was scanned or attached for this person. The list and any OCR text are on
 * the device; a file's bytes are fetched from the server when someone saves it (the
 * server checks the scope and records the read), so the tablet carries no scans —
 * unless a user pins a file for a home visit: then it is kept here, encrypted, opens
 * offline, and each opening is audited on the device.
 */
export function DocumentsSection({ person }: { person: Person }) {
  const session = useOpenSession();
  const { api } = useServices();
  const online = useBrowserOnline();
  const documents = usePersonDocuments(session.db, person.id);
  const pinned = usePinnedIds(session.db, person.id);
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  /** The file from the server (which checks the scope and records the read), or the failure shown. */
  const fetchFile = async (doc: KizunaDocument): Promise<Blob | undefined> => {
    const name = nameOf(doc);
    if (!session.online) {
      setStatus({ state: 'failed', text: m.offlineSession });
      return undefined;
    }
    setStatus({ state: 'working', text: format(m.working, { name }) });
    try {
      return await api.download(`/api/documents/${encodeURIComponent(doc.id)}/file`);
    } catch (error) {
      if (error instanceof ApiFailure && error.kind === 'unreachable') setStatus({ state: 'failed', text: m.offline });
      else setStatus({ state: 'failed', text: format(m.failed, { name, reason: error instanceof ApiFailure ? (error.serverMessage ?? error.kind) : String(error) }) });
      return undefined;
    }
  };

  const pinnedFile = async (doc: KizunaDocument): Promise<Blob | undefined> => {
    const bytes = await pinnedBytes(session.db, doc);
    if (!bytes) return undefined;
    await auditAs(session, { menu: documentsMenu, operation: 'read', centerId: doc.centerId, targetPersonId: doc.personId, targetDocumentId: `documents:${doc.id}`, detail: 'pinned' });
    return new Blob([bytes], { type: doc.file?.contentType ?? 'application/octet-stream' });
  };

  const save = async (doc: KizunaDocument) => {
    const name = nameOf(doc);
    const blob = (pinned.has(doc.id) ? await pinnedFile(doc) : undefined) ?? (await fetchFile(doc));
    if (!blob) return;
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

  const pin = async (doc: KizunaDocument) => {
    const blob = await fetchFile(doc);
    if (!blob) return;
    try {
      await pinFile(session.db, doc, new Uint8Array(await blob.arrayBuffer()), session.userId);
    } catch (error) {
      const reason = error instanceof PinnedFileMismatchError ? m.pinMismatch : String(error);
      return setStatus({ state: 'failed', text: format(m.failed, { name: nameOf(doc), reason }) });
    }
    setStatus({ state: 'done', text: format(m.pinned, { name: doc.fileName }) });
  };

  const unpin = async (doc: KizunaDocument) => {
    await unpinFile(session.db, doc.id);
    setStatus({ state: 'done', text: format(m.unpinned, { name: doc.fileName }) });
  };

  if (documents === undefined) return null;
  return (
    <Section title={m.section}>
      {documents.length > 0 && <p className="field-hint">{online ? m.onlineOnly : pinned.size > 0 ? m.offlinePinned : m.offline}</p>}
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
                <span className="document-actions">
                  <button type="button" onClick={() => void save(doc)} disabled={status.state === 'working' || (!online && !pinned.has(doc.id))}>
                    {format(m.save, { name: doc.fileName })}
                  </button>
                  {pinned.has(doc.id) ? (
                    <button type="button" onClick={() => void unpin(doc)} disabled={status.state === 'working'}>
                      {format(m.unpin, { name: doc.fileName })}
                    </button>
                  ) : (
                    <button type="button" onClick={() => void pin(doc)} disabled={status.state === 'working' || !online || !session.online}>
                      {format(m.pin, { name: doc.fileName })}
                    </button>
                  )}
                </span>
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
