import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  caseWorkMessages,
  chooseAll,
  compareConflict,
  format,
  uiMessages,
  type ComparisonRow,
  type ConflictComparison,
  type Conflict,
  type FieldChoice,
  type FieldProblem,
  type Resolution,
} from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { DataTable } from '../../ui/DataTable';
import { localDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';
import { applyResolution, plainDocument, versionsOf } from './apply-resolution';
import { FieldValue } from './FieldValue';
import { IssueFacts } from './IssueFacts';
import { useIssueViewAudit } from './issue-audit';
import { issueFieldLabel, resolutionLabel } from './labels';
import { collectionOf, useLiveDocument, usePersonNames } from './live';
import { recordPath } from './record-links';
import './sync-issues.css';

const s = uiMessages.syncIssues;
const c = s.conflict;
const columns = uiMessages.sync.columns;

const controlId = (field: string): string => `choice-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** /sync/conflicts/:conflictId: two versions of a record side by side, and the person's choice per field. */
export function ConflictPage() {
  const { conflictId = '' } = useParams();
  const session = useOpenSession();
  const loaded = useLiveDocument<Conflict>(session.db.conflicts, conflictId);
  useTitle(loaded.state === 'found' && loaded.value.resolvedAt !== undefined ? c.resolvedTitle : c.title);
  if (loaded.state === 'loading') return <p role="status">{uiMessages.app.loading}</p>;
  if (loaded.state === 'missing') {
    return (
      <div className="sync-issue">
        <BackLink />
        <PageHeading>{c.title}</PageHeading>
        <p>{s.notFound}</p>
      </div>
    );
  }
  return <ConflictView conflict={loaded.value} />;
}

function BackLink() {
  return (
    <p className="breadcrumb">
      <Link to="/sync">{s.backToList}</Link>
    </p>
  );
}

function ConflictView({ conflict }: { conflict: Conflict }) {
  const session = useOpenSession();
  const record = useLiveDocument<Record<string, unknown>>(collectionOf(session.db, conflict.collectionName), conflict.documentId);
  const names = usePersonNames(session.db, conflict.personId ? [conflict.personId] : []);
  const audit = useIssueViewAudit(session, {
    operation: 'read',
    centerId: conflict.centerId,
    personId: conflict.personId,
    documentId: `${conflict.collectionName}:${conflict.documentId}`,
    detail: `conflict ${conflict.id}`,
  });
  const [justResolved, setJustResolved] = useState<Resolution>();
  const resolved = conflict.resolvedAt !== undefined;
  const path = recordPath(conflict.collectionName, { id: conflict.documentId, personId: conflict.personId });
  const personName = conflict.personId ? (names.get(conflict.personId) ?? conflict.personId) : undefined;

  let body;
  if (record.state === 'loading' || audit === 'pending') body = <p role="status">{uiMessages.app.loading}</p>;
  else if (audit === 'failed') body = <p role="alert">{s.auditFailed}</p>;
  else if (resolved) body = <ResolvedConflict conflict={conflict} announce={justResolved !== undefined} />;
  else body = <ResolveForm conflict={conflict} current={record.state === 'found' ? plainDocument(record.value) : undefined} onResolved={setJustResolved} />;

  return (
    <div className="sync-issue">
      <BackLink />
      <PageHeading>{resolved ? c.resolvedTitle : c.title}</PageHeading>
      <IssueFacts collectionName={conflict.collectionName} centerId={conflict.centerId} personName={personName} by={conflict.createdBy} at={conflict.createdAt} />
      {path !== undefined && record.state === 'found' && (
        <p>
          <Link to={path}>{c.openRecord}</Link>
        </p>
      )}
      {body}
      <ConflictHistory conflict={conflict} />
    </div>
  );
}

function ResolveForm({ conflict, current, onResolved }: { conflict: Conflict; current: Record<string, unknown> | undefined; onResolved: (resolution: Resolution) => void }) {
  const session = useOpenSession();
  const comparison = useMemo(() => compareConflict(versionsOf(conflict, current)), [conflict, current]);
  const [choices, setChoices] = useState<Record<string, FieldChoice>>({});
  const [errors, setErrors] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [errors]);

  const confirm = async (chosen: Readonly<Record<string, FieldChoice>>) => {
    setSaving(true);
    setFailure(undefined);
    try {
      const outcome = await applyResolution(session, conflict, chosen);
      if (!outcome.ok) setErrors(outcome.errors);
      else {
        setErrors([]);
        onResolved(outcome.resolution);
      }
    } catch (error) {
      setFailure(format(c.failed, { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void confirm(choices);
  };
  const choose = (field: string, choice: FieldChoice) => setChoices((previous) => ({ ...previous, [field]: choice }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const collided = comparison.rows.filter((row) => row.collided && row.kind !== 'history');
  const missingOnly = comparison.recordMissing && comparison.deletion === 'none';

  return (
    <form className="conflict-form" onSubmit={submit} noValidate>
      <p>{format(c.summary, { by: conflict.createdBy, at: localDateTime(conflict.createdAt) })}</p>
      {comparison.changedSince && <p className="notice notice-changed">{c.changedSince}</p>}
      {missingOnly && <p className="notice notice-changed">{c.recordMissing}</p>}
      {comparison.deletion !== 'none' && <p className="notice">{c.deletionHint}</p>}
      {errors.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2>{caseWorkMessages.common.errorSummary}</h2>
          <ul>
            {errors.map((error) => (
              <li key={error.field}>
                <a
                  href={`#${controlId(error.field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(controlId(error.field))?.querySelector<HTMLInputElement>('input')?.focus();
                  }}
                >
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <section aria-labelledby="collided-heading" className="issue-section">
        <h2 id="collided-heading">{c.collidedHeading}</h2>
        {!missingOnly && comparison.choiceFields.length > 1 && (
          <div className="choose-all" role="group" aria-label={c.allLegend}>
            <button type="button" onClick={() => setChoices(chooseAll(comparison, 'server'))}>
              {c.allServer}
            </button>
            <button type="button" onClick={() => setChoices(chooseAll(comparison, 'losing'))}>
              {c.allLosing}
            </button>
          </div>
        )}
        {collided.map((row) =>
          row.kind === 'choice' && !missingOnly ? (
            <ChoiceRow key={row.field} collection={conflict.collectionName} row={row} choice={choices[row.field]} error={errorOf(row.field)} onChoose={(choice) => choose(row.field, choice)} />
          ) : (
            <VersionsRow key={row.field} collection={conflict.collectionName} row={row} />
          ),
        )}
        <HistoryNotes collection={conflict.collectionName} comparison={comparison} />
      </section>
      <OtherFields collection={conflict.collectionName} comparison={comparison} />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="issue-save">
        {missingOnly ? (
          <button type="button" className="primary" disabled={saving} onClick={() => void confirm(chooseAll(comparison, 'server'))}>
            {saving ? c.saving : c.closeMissing}
          </button>
        ) : (
          <button type="submit" className="primary" disabled={saving}>
            {saving ? c.saving : c.confirm}
          </button>
        )}
      </div>
    </form>
  );
}

function Versions({ collection, row }: { collection: string; row: ComparisonRow }) {
  return (
    <div className="versions">
      <div className="version">
        <p className="version-label">{c.server}</p>
        <FieldValue collection={collection} field={row.field} value={row.server} />
      </div>
      <div className="version version-losing">
        <p className="version-label">{c.losing}</p>
        <FieldValue collection={collection} field={row.field} value={row.losing} />
      </div>
    </div>
  );
}

function Badges({ row }: { row: ComparisonRow }) {
  return (
    <>
      {row.collided && <span className="issue-badge">{c.collided}</span>}
      {row.changedSince && <span className="issue-badge issue-badge-changed">{c.changedSinceField}</span>}
    </>
  );
}

/** A field that collided, shown without a choice (resolved, or the same on both sides now). */
function VersionsRow({ collection, row }: { collection: string; row: ComparisonRow }) {
  return (
    <div className="conflict-field collided">
      <h3>
        {issueFieldLabel(collection, row.field)}
        <Badges row={row} />
      </h3>
      <Versions collection={collection} row={row} />
    </div>
  );
}

function ChoiceRow({ collection, row, choice, error, onChoose }: { collection: string; row: ComparisonRow; choice: FieldChoice | undefined; error: string | undefined; onChoose: (choice: FieldChoice) => void }) {
  const id = controlId(row.field);
  const label = issueFieldLabel(collection, row.field);
  const taken = choice?.take;
  const startEditing = () => {
    const start = typeof row.losing === 'string' ? row.losing : typeof row.server === 'string' ? row.server : '';
    onChoose({ take: 'edited', value: choice?.take === 'edited' ? choice.value : start });
  };
  const option = (value: 'server' | 'losing' | 'edited', text: string, onSelect: () => void) => (
    <label className={taken === value ? 'choice chosen' : 'choice'}>
      <input type="radio" name={id} checked={taken === value} onChange={onSelect} />
      {text}
    </label>
  );
  return (
    <fieldset id={id} className="conflict-field collided" aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend>
        {label}
        <Badges row={row} />
      </legend>
      <Versions collection={collection} row={row} />
      <div className="choices">
        {option('server', c.keepServer, () => onChoose({ take: 'server' }))}
        {option('losing', c.keepLosing, () => onChoose({ take: 'losing' }))}
        {row.editable && option('edited', c.keepEdited, startEditing)}
      </div>
      {choice?.take === 'edited' && row.editable && <EditedValue id={`${id}-edited`} label={format(c.edited, { field: label })} kind={row.editable} value={choice.value} onChange={(value) => onChoose({ take: 'edited', value })} />}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function EditedValue({ id, label, kind, value, onChange }: { id: string; label: string; kind: NonNullable<ComparisonRow['editable']>; value: string; onChange: (value: string) => void }) {
  return (
    <div className="field edited-value">
      <label htmlFor={id}>{label}</label>
      {kind === 'longText' ? (
        <textarea id={id} rows={6} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type={kind === 'date' ? 'date' : 'text'} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

function HistoryNotes({ collection, comparison }: { collection: string; comparison: ConflictComparison }) {
  const history = comparison.rows.filter((row) => row.kind === 'history' && row.differs);
  return (
    <>
      {history.map((row) => (
        <p key={row.field} className="field-hint">
          {format(c.history, { field: issueFieldLabel(collection, row.field) })}
        </p>
      ))}
    </>
  );
}

function OtherFields({ collection, comparison }: { collection: string; comparison: ConflictComparison }) {
  const rows = comparison.rows.filter((row) => !row.collided && row.kind === 'context');
  return (
    <section aria-labelledby="other-heading" className="issue-section">
      <h2 id="other-heading">{c.otherHeading}</h2>
      <p className="field-hint">{c.otherHint}</p>
      <div className="table-scroll">
        <DataTable
          columns={[
            {
              header: c.field,
              cell: (row: ComparisonRow) => (
                <>
                  {issueFieldLabel(collection, row.field)}
                  {row.changedSince && <span className="issue-badge issue-badge-changed">{c.changedSinceField}</span>}
                </>
              ),
            },
            { header: c.server, cell: (row: ComparisonRow) => <FieldValue collection={collection} field={row.field} value={row.server} /> },
            { header: c.losing, cell: (row: ComparisonRow) => <FieldValue collection={collection} field={row.field} value={row.losing} /> },
          ]}
          rows={rows}
          rowKey={(row) => row.field}
          caption={c.otherHeading}
          empty={c.noOther}
        />
      </div>
    </section>
  );
}

/** A resolved conflict: who resolved it, how, and the two versions as they were. */
function ResolvedConflict({ conflict, announce }: { conflict: Conflict; announce: boolean }) {
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (announce) status.current?.focus();
  }, [announce]);
  const comparison = useMemo(() => compareConflict(versionsOf(conflict, conflict.winningVersion as Record<string, unknown> | undefined)), [conflict]);
  const resolution = resolutionLabel(conflict.resolution);
  return (
    <>
      <p className="notice" role="status" tabIndex={-1} ref={status}>
        {announce ? c.resolved : ''}
        {format(c.resolvedBy, { at: localDateTime(conflict.resolvedAt ?? ''), by: conflict.resolvedBy ?? '', resolution })}
      </p>
      {conflict.note && <p>{conflict.note}</p>}
      <section aria-labelledby="collided-heading" className="issue-section">
        <h2 id="collided-heading">{c.collidedHeading}</h2>
        {comparison.rows
          .filter((row) => row.collided && row.kind !== 'history')
          .map((row) => (
            <VersionsRow key={row.field} collection={conflict.collectionName} row={{ ...row, changedSince: false }} />
          ))}
      </section>
    </>
  );
}

/** Every conflict of the same record on this device, resolved ones included. */
function ConflictHistory({ conflict }: { conflict: Conflict }) {
  const session = useOpenSession();
  const [all, setAll] = useState<Conflict[]>([]);
  useEffect(() => {
    const subscription = session.db.conflicts.find({ selector: { documentId: conflict.documentId } }).$.subscribe((docs) => {
      const mine = docs.map((doc) => doc.toMutableJSON() as Conflict).filter((other) => other.collectionName === conflict.collectionName);
      setAll(mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    });
    return () => subscription.unsubscribe();
  }, [session.db, conflict.documentId, conflict.collectionName]);
  return (
    <section aria-labelledby="conflict-history-heading" className="issue-section">
      <h2 id="conflict-history-heading">{c.historyHeading}</h2>
      <div className="table-scroll">
        <DataTable
          columns={[
            {
              header: columns.at,
              cell: (other: Conflict) =>
                other.id === conflict.id ? (
                  <>
                    {localDateTime(other.createdAt)}
                    {c.historyCurrent}
                  </>
                ) : (
                  <Link to={`/sync/conflicts/${encodeURIComponent(other.id)}`}>{localDateTime(other.createdAt)}</Link>
                ),
            },
            { header: columns.by, cell: (other: Conflict) => other.createdBy },
            { header: columns.fields, cell: (other: Conflict) => other.fields.map((field) => issueFieldLabel(other.collectionName, field)).join('、') },
            { header: s.columns.resolution, cell: (other: Conflict) => resolutionLabel(other.resolution) },
            { header: s.columns.resolvedBy, cell: (other: Conflict) => other.resolvedBy ?? '' },
            { header: s.columns.resolvedAt, cell: (other: Conflict) => (other.resolvedAt ? localDateTime(other.resolvedAt) : '') },
          ]}
          rows={all}
          rowKey={(other) => other.id}
          caption={c.historyHeading}
        />
      </div>
    </section>
  );
}
