import { Link } from 'react-router-dom';
import { caseWorkDue, caseWorkMessages, type DueState, format, type Person } from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { warekiDate } from '../../ui/format';
import { Section } from '../ledger/Section';
import { planPath, planTitle } from '../care-plan/labels';
import { todayIso } from './dates';
import { countText } from './frame';
import { usePersonRecords } from './records';
import './case-work.css';

const d = caseWorkMessages.due;
const links = caseWorkMessages.ledgerLinks;

function StateBadge({ state }: { state: DueState }) {
  return <span className={`due-badge due-${state}`}>{d.state[state]}</span>;
}

/**
 * The ledger's case-work part: links to the person's consultations, checklists and plans,
 * and when monitoring and evaluation of the current plan are due, overdue or done.
 */
export function CaseWorkSection({ person }: { person: Person }) {
  const session = useOpenSession();
  const consultations = usePersonRecords(session.db, 'consultations', person.id);
  const checklists = usePersonRecords(session.db, 'basicChecklists', person.id);
  const plans = usePersonRecords(session.db, 'carePlans', person.id);
  const evaluations = usePersonRecords(session.db, 'planEvaluations', person.id);
  const due = consultations && plans && evaluations ? caseWorkDue({ plans, evaluations, consultations, today: todayIso() }) : undefined;
  return (
    <>
      <Section title={links.heading}>
        <ul className="case-links">
          <li>
            <Link to={`/persons/${person.id}/consultations`}>{countText(links.consultations, consultations?.length)}</Link>
          </li>
          <li>
            <Link to={`/persons/${person.id}/checklists`}>{countText(links.checklists, checklists?.length)}</Link>
          </li>
          <li>
            <Link to={`/persons/${person.id}/plans`}>{countText(links.plans, plans?.length)}</Link>
          </li>
        </ul>
      </Section>
      <Section title={d.heading}>
        {due === undefined ? (
          <p role="status">{caseWorkMessages.common.loading}</p>
        ) : due === null ? (
          <p>{d.noPlan}</p>
        ) : (
          <>
            <p>
              {d.currentPlan}：
              <Link to={planPath(due.plan)}>{planTitle(due.plan)}</Link>（{warekiDate(due.plan.createdOn)}）
            </p>
            <dl className="fields due">
              <div className="field-row">
                <dt>{d.monitoring}</dt>
                <dd>
                  {due.monitoring === null ? (
                    format(d.ended, { date: warekiDate(due.evaluation.evaluatedOn) })
                  ) : (
                    <>
                      <StateBadge state={due.monitoring.state} /> {format(d.dueOn, { date: warekiDate(due.monitoring.dueOn) })}
                      {'　'}
                      {due.monitoring.lastOn ? format(d.lastMonitoring, { date: warekiDate(due.monitoring.lastOn) }) : d.noMonitoring}
                    </>
                  )}
                </dd>
              </div>
              <div className="field-row">
                <dt>{d.evaluation}</dt>
                <dd>
                  {due.evaluation.state === 'unscheduled' ? (
                    d.unscheduled
                  ) : due.evaluation.state === 'done' ? (
                    <>
                      <StateBadge state="done" /> {format(d.evaluatedOn, { date: warekiDate(due.evaluation.evaluatedOn) })}
                    </>
                  ) : (
                    <>
                      <StateBadge state={due.evaluation.state} /> {format(d.plannedOn, { date: warekiDate(due.evaluation.dueOn) })}
                    </>
                  )}
                </dd>
              </div>
            </dl>
            <p className="field-hint">{d.rule}</p>
          </>
        )}
      </Section>
    </>
  );
}
