import { basicChecklistDomains, caseWorkMessages, format, type PlanChecklistCounts } from '../../../shared/index';
import { warekiDate } from '../../ui/format';

const m = caseWorkMessages.carePlan;

/** 基本チェックリストの該当数 as the plan form prints them: 運動不足 2/5 … */
export function ChecklistCounts({ counts }: { counts: PlanChecklistCounts | null | undefined }) {
  if (!counts) return <p>{m.checklistNone}</p>;
  const rows = basicChecklistDomains.filter((d) => d.planLabel !== null);
  return (
    <table className="data compact">
      <caption>{format(m.checklistFrom, { date: warekiDate(counts.conductedOn), status: caseWorkMessages.checklist.status.complete })}</caption>
      <thead>
        <tr>
          <th scope="col">{m.checklistColumns.domain}</th>
          <th scope="col">{m.checklistColumns.count}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((domain) => {
          const count = counts[domain.key as keyof PlanChecklistCounts] as { scored: number; of: number } | undefined;
          return (
            <tr key={domain.key}>
              <th scope="row">{domain.planLabel}</th>
              <td>{count ? `${count.scored}/${count.of}` : caseWorkMessages.common.none}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
