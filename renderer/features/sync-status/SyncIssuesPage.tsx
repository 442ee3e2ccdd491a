import { useEffect, useState } from 'react';
import { centerName, fieldLabel, uiMessages, type Conflict } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import type { Rejection } from '../../store/local-schemas';
import { DataTable } from '../../ui/DataTable';
import { localDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { useTitle } from '../../ui/use-title';

const m = uiMessages.sync;

const collectionLabel = (name: string): string => uiMessages.syncCollections[name as keyof typeof uiMessages.syncCollections] ?? name;

/** The conflicts and rejected changes that wait for a person (the sync records them; resolving them comes with the case-work screens). */
export function SyncIssuesPage() {
  useTitle(m.issuesTitle);
  const { db } = useOpenSession();
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [rejections, setRejections] = useState<Rejection[]>([]);
  useEffect(() => {
    const a = db.conflicts
      .find({ selector: { resolvedAt: { $exists: false } }, sort: [{ createdAt: 'desc' }] })
      .$.subscribe((docs) => setConflicts(docs.map((d) => d.toMutableJSON() as Conflict)));
    const b = db.rejections
      .find({ selector: { resolvedAt: { $exists: false } }, sort: [{ rejectedAt: 'desc' }] })
      .$.subscribe((docs) => setRejections(docs.map((d) => d.toMutableJSON() as Rejection)));
    return () => {
      a.unsubscribe();
      b.unsubscribe();
    };
  }, [db]);

  return (
    <div className="sync-issues-page">
      <PageHeading>{m.issuesTitle}</PageHeading>
      <section aria-labelledby="conflicts-heading">
        <h2 id="conflicts-heading">{m.conflictsHeading}</h2>
        <DataTable
          columns={[
            { header: m.columns.kind, cell: (c) => collectionLabel(c.collectionName) },
            { header: m.columns.document, cell: (c) => `${c.documentId}（${centerName(c.centerId)}）`, className: 'code' },
            { header: m.columns.fields, cell: (c) => c.fields.map((field) => fieldLabel(c.collectionName, field)).join('、') },
            { header: m.columns.by, cell: (c) => c.createdBy },
            { header: m.columns.at, cell: (c) => localDateTime(c.createdAt) },
          ]}
          rows={conflicts}
          rowKey={(c) => c.id}
          empty={m.noConflicts}
        />
      </section>
      <section aria-labelledby="rejections-heading">
        <h2 id="rejections-heading">{m.rejectionsHeading}</h2>
        <DataTable
          columns={[
            { header: m.columns.kind, cell: (r) => collectionLabel(r.collectionName) },
            { header: m.columns.document, cell: (r) => r.documentId, className: 'code' },
            { header: m.columns.reason, cell: (r) => r.message ?? r.reason },
            { header: m.columns.at, cell: (r) => localDateTime(r.rejectedAt) },
          ]}
          rows={rejections}
          rowKey={(r) => r.id}
          empty={m.noRejections}
        />
      </section>
    </div>
  );
}
