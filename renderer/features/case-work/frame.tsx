import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { caseWorkMessages, format, type Person, uiMessages } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';
import { usePerson } from '../ledger/use-person';
import { type CaseCollection, useRecord } from './records';
import type { ClientDocumentTypes } from '../../store/database';
import { clockTime } from './dates';
import type { FormDraft } from './use-draft';
import './case-work.css';

const c = caseWorkMessages.common;

/** The person a case-work screen is about (from the route), or why there is none. */
export function PersonFrame({ children }: { children: (person: Person) => ReactNode }) {
  const { personId = '' } = useParams();
  const session = useOpenSession();
  const loaded = usePerson(session.db, personId);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'missing') {
    return (
      <div className="case-work">
        <PageHeading>{uiMessages.ledger.title}</PageHeading>
        <p className="form-error" role="alert">
          {uiMessages.ledger.notFound}
        </p>
        <Link to="/search">{uiMessages.app.backToSearch}</Link>
      </div>
    );
  }
  return <>{children(loaded.value)}</>;
}

export function Loading() {
  return <p role="status">{c.loading}</p>;
}

export function NotFound() {
  return (
    <p className="form-error" role="alert">
      {c.notFound}
    </p>
  );
}

/** One of the person's records by id (from the route), kept current; a record of someone else is not found. */
export function RecordFrame<K extends CaseCollection>({
  person,
  collection,
  id,
  children,
}: {
  person: Person;
  collection: K;
  id: string;
  children: (record: ClientDocumentTypes[K]) => ReactNode;
}) {
  const session = useOpenSession();
  const loaded = useRecord(session.db, collection, id);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'missing' || loaded.value.personId !== person.id) return <NotFound />;
  return <>{children(loaded.value)}</>;
}

/** After a save: that it is stored, and on an offline device that it goes to the server later. */
export function SavedNotice({ text = c.saved }: { text?: string }) {
  const session = useOpenSession();
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  if (!saved) return null;
  return (
    <p className="notice" role="status">
      {text}
      {!session.online && ` ${c.offlineSaved}`}
    </p>
  );
}

/** The heading of a screen about one person: what it is, whose it is, and the way back to their ledger. */
export function CaseHeading({ person, title, back }: { person: Person; title: string; back?: { to: string; label: string } }) {
  useTitle(`${person.name} ${title}`);
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/persons/${person.id}`}>{c.backToLedger}</Link>
        {back && (
          <>
            {' ／ '}
            <Link to={back.to}>{back.label}</Link>
          </>
        )}
      </p>
      <PageHeading>
        {title}
        <span className="heading-sub">{person.name}</span>
      </PageHeading>
    </>
  );
}

/** While the screen's audit entry is written, or when it could not be. */
export function AuditGate({ state, children }: { state: 'pending' | 'recorded' | 'failed'; children: ReactNode }) {
  if (state === 'pending') return <Loading />;
  if (state === 'failed') {
    return (
      <p className="form-error" role="alert">
        {c.auditFailed}
      </p>
    );
  }
  return <>{children}</>;
}

/** Says that the form is kept as a draft on this device, and offers to throw it away. */
export function DraftStatus<T>({ draft }: { draft: FormDraft<T> }) {
  const d = caseWorkMessages.draft;
  return (
    <div className="draft-status" role="status" aria-label={d.status}>
      {draft.restoredAt && <p>{format(d.restored, { time: clockTime(draft.restoredAt) })}</p>}
      {draft.savedAt && <p>{format(d.savedAt, { time: clockTime(draft.savedAt) })}</p>}
      {(draft.restoredAt || draft.savedAt) && (
        <button type="button" className="link-button" onClick={() => void draft.discard()}>
          {d.discard}
        </button>
      )}
    </div>
  );
}

/** The save bar at the foot of a form; the message says why a save did not happen. */
export function SaveBar({ saving, cancelTo, message }: { saving: boolean; cancelTo: string; message?: string }) {
  return (
    <div className="save-bar">
      <button type="submit" className="primary" disabled={saving}>
        {saving ? c.saving : c.save}
      </button>
      <Link className="button-link" to={cancelTo}>
        {c.cancel}
      </Link>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}

/** A person's ledger link text with the record count, for the ledger's case-work part. */
export const countText = (template: string, count: number | undefined) => format(template, { count: count ?? '…' });
