import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { fieldOrder, format, jsonEqual, uiMessages } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import type { Rejection } from '../../store/local-schemas';
import { DataTable } from '../../ui/DataTable';
import { localDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';
import { plainDocument } from './apply-resolution';
import { correctionPath, prepareCorrection } from './correct-rejection';
import { discardRejection } from './discard-rejection';
import { FieldValue } from './FieldValue';
import { IssueFacts } from './IssueFacts';
import { useIssueViewAudit } from './issue-audit';
import { issueFieldLabel } from './labels';
import { collectionOf, useLiveDocument, usePersonNames } from './live';
import { recordPath } from './record-links';
import './sync-issues.css';

const s = uiMessages.syncIssues;
const r = s.rejection;

interface Difference {
  field: string;
  sent: unknown;
  server: unknown;
}

/** /sync/rejections/:rejectionId: what the server refused and why; discard it, or correct the record and send again. */
export function RejectionPage() {
  const { rejectionId = '' } = useParams();
  const session = useOpenSession();
  const loaded = useLiveDocument<Rejection>(session.db.rejections, rejectionId);
  const [discarded, setDiscarded] = useState(false);
  useTitle(r.title);
  if (loaded.state === 'loading') return <p role="status">{uiMessages.app.loading}</p>;
  return (
    <div className="sync-issue">
      <p className="breadcrumb">
        <Link to="/sync">{s.backToList}</Link>
      </p>
      <PageHeading>{r.title}</PageHeading>
      {discarded ? <Discarded /> : loaded.state === 'missing' ? <p>{s.notFound}</p> : <RejectionView rejection={loaded.value} onDiscarded={() => setDiscarded(true)} />}
    </div>
  );
}

function Discarded() {
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => status.current?.focus(), []);
  return (
    <p className="notice" role="status" tabIndex={-1} ref={status}>
      {r.discarded}
    </p>
  );
}

function RejectionView({ rejection, onDiscarded }: { rejection: Rejection; onDiscarded: () => void }) {
  const session = useOpenSession();
  const navigate = useNavigate();
  const record = useLiveDocument<Record<string, unknown>>(collectionOf(session.db, rejection.collectionName), rejection.documentId);
  const names = usePersonNames(session.db, rejection.personId ? [rejection.personId] : []);
  const audit = useIssueViewAudit(session, {
    operation: 'read',
    centerId: rejection.centerId,
    personId: rejection.personId,
    documentId: `${rejection.collectionName}:${rejection.documentId}`,
    detail: `rejected change ${rejection.reason}`,
  });
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string>();
  const current = record.state === 'found' ? plainDocument(record.value) : undefined;
  const differences = useMemo(() => differencesOf(rejection.collectionName, rejection.document, current), [rejection.collectionName, rejection.document, current]);
  const onlyDiscard = rejection.reason === 'personMoved' || rejection.reason === 'forbidden';
  const correctAt = correctionPath(rejection, current !== undefined);
  const path = current ? recordPath(rejection.collectionName, { id: rejection.documentId, personId: rejection.personId }) : undefined;
  const personName = rejection.personId ? (names.get(rejection.personId) ?? rejection.personId) : undefined;

  const discard = async () => {
    setWorking(true);
    setFailure(undefined);
    try {
      const outcome = await discardRejection(session, rejection);
      if (outcome.ok) onDiscarded();
      else setFailure(s.noSync);
    } catch (error) {
      setFailure(format(r.failed, { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setWorking(false);
    }
  };
  const correct = async () => {
    setWorking(true);
    try {
      const to = await prepareCorrection(session, rejection);
      if (to) void navigate(to);
    } catch (error) {
      setFailure(format(r.failed, { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setWorking(false);
    }
  };

  if (record.state === 'loading' || audit === 'pending') return <p role="status">{uiMessages.app.loading}</p>;
  if (audit === 'failed') return <p role="alert">{s.auditFailed}</p>;
  return (
    <>
      <IssueFacts collectionName={rejection.collectionName} centerId={typeof current?.centerId === 'string' ? current.centerId : rejection.centerId} personName={personName} at={rejection.rejectedAt} />
      <p>{format(r.summary, { at: localDateTime(rejection.rejectedAt) })}</p>
      <p className="rejection-reason">{format(r.reason, { message: rejection.message ?? rejection.reason })}</p>
      {rejection.reason === 'personMoved' && <p className="notice notice-changed">{r.personMoved}</p>}
      {rejection.reason === 'forbidden' && <p className="notice notice-changed">{r.forbidden}</p>}
      {path !== undefined && (
        <p>
          <Link to={path}>{r.openRecord}</Link>
        </p>
      )}
      <section aria-labelledby="refused-heading" className="issue-section">
        <h2 id="refused-heading">{r.changesHeading}</h2>
        {!current && <p>{r.recordGone}</p>}
        <div className="table-scroll">
          <DataTable
            columns={[
              { header: s.conflict.field, cell: (d: Difference) => issueFieldLabel(rejection.collectionName, d.field) },
              { header: r.sent, cell: (d: Difference) => <FieldValue collection={rejection.collectionName} field={d.field} value={d.sent} /> },
              ...(current ? [{ header: r.server, cell: (d: Difference) => <FieldValue collection={rejection.collectionName} field={d.field} value={d.server} /> }] : []),
            ]}
            rows={differences}
            rowKey={(d) => d.field}
            caption={r.changesHeading}
            empty={r.noChanges}
          />
        </div>
      </section>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="issue-actions">
        <div>
          <button type="button" className="primary" disabled={working} aria-describedby="discard-hint" onClick={() => void discard()}>
            {working ? r.discarding : r.discard}
          </button>
          <p id="discard-hint" className="field-hint">
            {r.discardHint}
          </p>
        </div>
        {!onlyDiscard && correctAt !== undefined && (
          <div>
            <button type="button" disabled={working} aria-describedby="correct-hint" onClick={() => void correct()}>
              {r.correct}
            </button>
            <p id="correct-hint" className="field-hint">
              {r.correctHint}
            </p>
          </div>
        )}
      </div>
    </>
  );
}

/** The fields where the refused version differs from the record on the device (all of them when the record is gone). */
function differencesOf(collection: string, sent: Readonly<Record<string, unknown>>, current: Readonly<Record<string, unknown>> | undefined): Difference[] {
  const fields = fieldOrder(collection, [sent, current]);
  return fields.filter((field) => !current || !jsonEqual(sent[field], current[field])).map((field) => ({ field, sent: sent[field], server: current?.[field] }));
}
