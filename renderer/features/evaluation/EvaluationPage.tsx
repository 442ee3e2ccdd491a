import { Link, useParams } from 'react-router-dom';
import { caseWorkMessages, choiceLabels, format, type Person } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { warekiDate } from '../../ui/format';
import { Fields, Section } from '../ledger/Section';
import { caseWorkMenus, documentRef, useViewAudit } from '../case-work/audit';
import { AuditGate, CaseHeading, Loading, NotFound, PersonFrame, SavedNotice } from '../case-work/frame';
import { usePersonRecords } from '../case-work/records';
import { PrintButton } from '../case-work/print/PrintButton';
import { planPath, planTitle } from '../care-plan/labels';

const m = caseWorkMessages.evaluation;
const none = caseWorkMessages.common.none;
const text = (value: string | undefined) => (value && value.trim() !== '' ? value : none);

/** /persons/:personId/evaluations/:evaluationId: the 評価表 goal by goal, and its print. */
export function EvaluationPage() {
  const { evaluationId = '' } = useParams();
  return <PersonFrame>{(person) => <EvaluationView person={person} evaluationId={evaluationId} />}</PersonFrame>;
}

function EvaluationView({ person, evaluationId }: { person: Person; evaluationId: string }) {
  const session = useOpenSession();
  const evaluations = usePersonRecords(session.db, 'planEvaluations', person.id);
  const plans = usePersonRecords(session.db, 'carePlans', person.id);
  const evaluation = evaluations?.find((e) => e.id === evaluationId);
  const plan = plans?.find((p) => p.id === evaluation?.planId);
  const audit = useViewAudit(session, evaluation && { menu: caseWorkMenus.evaluation, operation: 'read', centerId: evaluation.centerId, personId: person.id, documentId: documentRef('planEvaluations', evaluation.id) });
  if (!evaluations || !plans) return <Loading />;
  if (!evaluation) {
    return <NotFound />;
  }
  return (
    <div className="case-work">
      <CaseHeading person={person} title={m.title} back={plan ? { to: planPath(plan), label: planTitle(plan) } : undefined} />
      <AuditGate state={audit}>
        <SavedNotice />
        <div className="actions">
          <Link className="button-link" to={`/persons/${person.id}/evaluations/${evaluation.id}/edit`}>
            {caseWorkMessages.common.edit}
          </Link>
          <PrintButton
            job={() => ({ form: 'planEvaluation', input: { evaluation, person, ...(plan && { plan }) } })}
            audit={{ menu: caseWorkMenus.evaluation, centerId: evaluation.centerId, personId: person.id }}
          />
        </div>
        <Fields
          rows={[
            [m.evaluatedOn, warekiDate(evaluation.evaluatedOn)],
            [m.evaluator, text(evaluation.evaluator)],
            [caseWorkMessages.evaluation.columns.plan, plan ? planTitle(plan) : none],
            [m.overallDecision, evaluation.overallDecision ? choiceLabels.evaluationDecisions[evaluation.overallDecision] : none],
          ]}
        />
        {evaluation.goalEvaluations.map((goal, index) => (
          <Section key={goal.goalId ?? index} title={format(m.goalHeading, { number: index + 1, goal: goal.goal })}>
            <Fields
              rows={[
                [`${m.periodFrom}〜${m.periodTo}`, `${warekiDate(goal.periodFrom)}〜${warekiDate(goal.periodTo)}`],
                [m.achievement, goal.achievement ? choiceLabels.achievements[goal.achievement] : none],
                [m.personReason, text(goal.personReason)],
                [m.plannerReason, text(goal.plannerReason)],
                [m.futurePolicy, text(goal.futurePolicy)],
              ]}
            />
          </Section>
        ))}
        <Section title={m.notes}>
          <p className="long-text">{text(evaluation.notes)}</p>
        </Section>
      </AuditGate>
    </div>
  );
}
