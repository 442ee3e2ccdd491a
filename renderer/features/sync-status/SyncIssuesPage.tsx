import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { uiMessages, type Conflict } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import type { Rejection } from '../../store/local-schemas';
import { DataTable } from '../../ui/DataTable';
import { localDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';
import { recordKindText } from './IssueFacts';
import { issueFieldLabel, resolutionLabel } from './labels';
import { usePersonNames } from './live';
import './sync-issues.css';

const m = uiMessages.sync;
const s = uiMessages.syncIssues;

/** How many resolved conflicts the list keeps in view; each record's page shows its whole history. */
const resolvedShown = 50;

/** Which section the status bar's links open at (`?section=`). */
export const issueSections = { conflicts: 'conflicts', rejections: 'rejections' } as const;

/** The conflicts and refused changes that wait for a person, each opening where it is resolved, and the conflicts resolved lately. */
export function SyncIssuesPage() {
  useTitle(m.issuesTitle);
  const { db } = useOpenSession();
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [resolved, setResolved] = useState<Conflict[]>([]);
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const [params] = useSearchParams();
  const section = params.get('section');
  useEffect(() => {
    const a = db.conflicts
      .find({ selector: { resolvedAt: { $exists: false } }, sort: [{ createdAt: 'desc' }] })
      .$.subscribe((docs) => setConflicts(docs.map((d) => d.toMutableJSON() as Conflict)));
    const b = db.rejections
      .find({ selector: { resolvedAt: { $exists: false } }, sort: [{ rejectedAt: 'desc' }] })
      .$.subscribe((docs) => setRejections(docs.map((d) => d.toMutableJSON() as Rejection)));
    const c = db.conflicts
      .find({ selector: { resolvedAt: { $exists: true } } })
      .$.subscribe((docs) => setResolved(docs.map((d) => d.toMutableJSON() as Conflict).sort((x, y) => (y.resolvedAt ?? '').localeCompare(x.resolvedAt ?? '')).slice(0, resolvedShown)));
    return () => {
      a.unsubscribe();
      b.unsubscribe();
      c.unsubscribe();
    };
  }, [db]);
  useEffect(() => {
    if (section === issueSections.conflicts || section === issueSections.rejections) document.getElementById(`${section}-heading`)?.focus();
  }, [section]);
  const names = usePersonNames(db, [...conflicts, ...resolved, ...rejections].flatMap((issue) => (issue.personId ? [issue.personId] : [])));
  const personOf = (issue: { personId?: string | undefined }) => (issue.personId ? (names.get(issue.personId) ?? issue.personId) : '');
  const conflictLink = (c: Conflict) => (
    <Link to={`/sync/conflicts/${encodeURIComponent(c.id)}`}>{recordKindText(c.collectionName, c.centerId)}</Link>
  );

  return (
    <div className="sync-issues-page sync-issue">
      <PageHeading>{m.issuesTitle}</PageHeading>
      <section aria-labelledby="conflicts-heading" className="issue-section">
        <h2 id="conflicts-heading" tabIndex={-1}>
          {m.conflictsHeading}
        </h2>
        <div className="table-scroll">
          <DataTable
            columns={[
              { header: m.columns.kind, cell: conflictLink },
              { header: m.columns.person, cell: personOf },
              { header: m.columns.fields, cell: (c) => c.fields.map((field) => issueFieldLabel(c.collectionName, field)).join('、') },
              { header: m.columns.by, cell: (c) => c.createdBy },
              { header: m.columns.at, cell: (c) => localDateTime(c.createdAt) },
            ]}
            rows={conflicts}
            rowKey={(c) => c.id}
            caption={m.conflictsHeading}
            empty={m.noConflicts}
          />
        </div>
      </section>
      <section aria-labelledby="rejections-heading" className="issue-section">
        <h2 id="rejections-heading" tabIndex={-1}>
          {m.rejectionsHeading}
        </h2>
        <div className="table-scroll">
          <DataTable
            columns={[
              {
                header: m.columns.kind,
                cell: (r) => <Link to={`/sync/rejections/${encodeURIComponent(r.id)}`}>{recordKindText(r.collectionName, r.centerId)}</Link>,
              },
              { header: m.columns.person, cell: personOf },
              { header: m.columns.reason, cell: (r) => r.message ?? r.reason },
              { header: m.columns.at, cell: (r) => localDateTime(r.rejectedAt) },
            ]}
            rows={rejections}
            rowKey={(r) => r.id}
            caption={m.rejectionsHeading}
            empty={m.noRejections}
          />
        </div>
      </section>
      <section aria-labelledby="resolved-heading" className="issue-section">
        <h2 id="resolved-heading">{s.resolvedHeading}</h2>
        <div className="table-scroll">
          <DataTable
            columns={[
              { header: m.columns.kind, cell: conflictLink },
              { header: m.columns.person, cell: personOf },
              { header: s.columns.resolution, cell: (c) => resolutionLabel(c.resolution) },
              { header: s.columns.resolvedBy, cell: (c) => c.resolvedBy ?? '' },
              { header: s.columns.resolvedAt, cell: (c) => localDateTime(c.resolvedAt ?? '') },
            ]}
            rows={resolved}
            rowKey={(c) => c.id}
            caption={s.resolvedHeading}
            empty={s.noResolved}
          />
        </div>
      </section>
    </div>
  );
}
