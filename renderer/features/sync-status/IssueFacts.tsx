import { centerName, format, uiMessages } from '../../../shared/index';
import { localDateTime } from '../../ui/format';
import { collectionLabel } from './labels';

const columns = uiMessages.sync.columns;

/** The record kind with its center, e.g. 相談記録（中央）; the kind alone when the center is unknown. */
export function recordKindText(collectionName: string, centerId: string | undefined): string {
  return centerId ? format(uiMessages.syncIssues.conflict.record, { kind: collectionLabel(collectionName), center: centerName(centerId) }) : collectionLabel(collectionName);
}

/** What a conflict or a refused change is about: the kind of record, the person, who and when. */
export function IssueFacts({ collectionName, centerId, personName, by, at }: { collectionName: string; centerId: string | undefined; personName: string | undefined; by?: string; at: string }) {
  const facts: Array<[string, string]> = [
    [columns.kind, recordKindText(collectionName, centerId)],
    ...(personName !== undefined ? [[columns.person, personName] as [string, string]] : []),
    ...(by !== undefined ? [[columns.by, by] as [string, string]] : []),
    [columns.at, localDateTime(at)],
  ];
  return (
    <dl className="issue-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
