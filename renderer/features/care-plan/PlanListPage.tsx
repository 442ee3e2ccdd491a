import { Link } from 'react-router-dom';
import { type CarePlan, caseWorkMessages, choiceLabels, isLatestPlanVersion, newestPlanFirst, type Person, type PlanEvaluation } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { DataTable } from '../../ui/DataTable';
import { warekiDate } from '../../ui/format';
import { caseWorkMenus, listDetail, useViewAudit } from '../case-work/audit';
import { AuditGate, CaseHeading, PersonFrame } from '../case-work/frame';
import { usePersonRecords } from '../case-work/records';
import { planPath, planTitle } from './labels';

const m = caseWorkMessages.carePlan;
const none = caseWorkMessages.common.none;

/** /persons/:personId/plans: every version of the person's plans, and their evaluations. */
export function PlanListPage() {
  return <PersonFrame>{(person) => <Plans person={person} />}</PersonFrame>;
}

function Plans({ person }: { person: Person }) {
  const session = useOpenSession();
  const audit = useViewAudit(session, { menu: caseWorkMenus.carePlan, operation: 'read', centerId: person.centerId, personId: person.id, detail: listDetail });
  const plans = usePersonRecords(session.db, 'carePlans', person.id);
  const evaluations = usePersonRecords(session.db, 'planEvaluations', person.id);
  return (
    <div className="case-work">
      <CaseHeading person={person} title={m.listTitle} />
      <p className="actions">
        <Link className="button-link primary" to={`/persons/${person.id}/plans/new?type=preventionPlan`}>
          {m.newPrevention}
        </Link>
        <Link className="button-link primary" to={`/persons/${person.id}/plans/new?type=communityProgramPlan`}>
          {m.newCommunity}
        </Link>
      </p>
      <AuditGate state={audit}>
        {!plans || !evaluations ? <p role="status">{caseWorkMessages.common.loading}</p> : <PlanTable plans={plans} evaluations={evaluations} />}
      </AuditGate>
    </div>
  );
}

export function PlanTable({ plans, evaluations }: { plans: readonly CarePlan[]; evaluations: readonly PlanEvaluation[] }) {
  const evaluationOf = (plan: CarePlan) => evaluations.filter((e) => e.planId === plan.id).sort((a, b) => (a.evaluatedOn < b.evaluatedOn ? 1 : -1))[0];
  return (
    <div className="table-scroll" role="region" aria-label={m.listTitle} tabIndex={0}>
      <DataTable
        caption={m.listTitle}
        columns={[
          { header: m.columns.kind, cell: (p) => <Link to={planPath(p)}>{planTitle(p)}</Link> },
          { header: m.columns.version, cell: (p) => (isLatestPlanVersion(plans, p) ? m.latest : m.superseded) },
          { header: m.columns.createdOn, cell: (p) => warekiDate(p.createdOn) },
          { header: m.columns.category, cell: (p) => choiceLabels.planCategories[p.planCategory] },
          { header: m.columns.consent, cell: (p) => (p.consentOn ? warekiDate(p.consentOn) : none) },
          {
            header: m.columns.evaluation,
            cell: (p) => {
              const evaluation = evaluationOf(p);
              return evaluation ? <Link to={`/persons/${p.personId}/evaluations/${evaluation.id}`}>{warekiDate(evaluation.evaluatedOn)}</Link> : none;
            },
          },
        ]}
        rows={[...plans].sort(newestPlanFirst)}
        rowKey={(p) => p.id}
        empty={m.empty}
      />
    </div>
  );
}
