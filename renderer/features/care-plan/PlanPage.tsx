import { Link, useParams } from 'react-router-dom';
import {
  assessmentAreas,
  type CarePlan,
  careLevelLabel,
  caseWorkMessages,
  choiceLabels,
  isLatestPlanVersion,
  isPlanFixed,
  masterId,
  type Person,
  planVersionChain,
} from '../../../shared/index';
import { useOpenSession } from '../../app/context';
import { DataTable } from '../../ui/DataTable';
import { warekiDate } from '../../ui/format';
import { Fields, Section } from '../ledger/Section';
import { useMasterNames } from '../ledger/use-person';
import { caseWorkMenus, documentRef, useViewAudit } from '../case-work/audit';
import { AuditGate, CaseHeading, Loading, NotFound, PersonFrame, SavedNotice } from '../case-work/frame';
import { usePersonRecords } from '../case-work/records';
import { PrintButton } from '../case-work/print/PrintButton';
import { ChecklistCounts } from './ChecklistCounts';
import { planPath, planTitle } from './labels';

const m = caseWorkMessages.carePlan;
const f = m.fields;
const none = caseWorkMessages.common.none;
const text = (value: string | undefined) => (value && value.trim() !== '' ? value : none);

/** /persons/:personId/plans/:planId: one version of a plan, read-only, with its versions, evaluations and print. */
export function PlanPage() {
  const { planId = '' } = useParams();
  return <PersonFrame>{(person) => <PlanView person={person} planId={planId} />}</PersonFrame>;
}

function PlanView({ person, planId }: { person: Person; planId: string }) {
  const session = useOpenSession();
  const plans = usePersonRecords(session.db, 'carePlans', person.id);
  const evaluations = usePersonRecords(session.db, 'planEvaluations', person.id);
  const plan = plans?.find((p) => p.id === planId);
  const audit = useViewAudit(session, plan && { menu: caseWorkMenus.carePlan, operation: 'read', centerId: plan.centerId, personId: person.id, documentId: documentRef('carePlans', plan.id) });
  const providerId = plan?.entrustedProvider ? masterId('serviceProvider', plan.entrustedProvider) : undefined;
  const providerNames = useMasterNames(session.db, providerId ? [providerId] : []);
  const listPath = `/persons/${person.id}/plans`;
  if (!plans || !evaluations) return <Loading />;
  if (!plan) {
    return (
      <div className="case-work">
        <CaseHeading person={person} title={m.listTitle} back={{ to: listPath, label: m.listTitle }} />
        <NotFound />
      </div>
    );
  }
  const latest = isLatestPlanVersion(plans, plan);
  const fixed = isPlanFixed(plan);
  const chain = planVersionChain(plans, plan.id);
  const planEvaluations = evaluations.filter((e) => e.planId === plan.id);
  const providerName = providerId ? providerNames.get(providerId) : undefined;
  return (
    <div className="case-work">
      <CaseHeading person={person} title={planTitle(plan)} back={{ to: listPath, label: m.listTitle }} />
      <AuditGate state={audit}>
        <SavedNotice />
        <div className="actions">
          {!fixed && (
            <Link className="button-link" to={`${planPath(plan)}/edit`}>
              {caseWorkMessages.common.edit}
            </Link>
          )}
          {latest && (
            <Link className="button-link" to={`${planPath(plan)}/next`}>
              {m.newVersion}
            </Link>
          )}
          <Link className="button-link" to={`${planPath(plan)}/evaluations/new`}>
            {m.evaluate}
          </Link>
          <PrintButton
            job={() => ({ form: 'carePlan', input: { plan, person, ...(providerName && { entrustedProviderName: providerName }) } })}
            audit={{ menu: caseWorkMenus.carePlan, centerId: plan.centerId, personId: person.id }}
          />
        </div>
        {fixed && <p className="notice">{m.fixed}</p>}
        <PlanFields plan={plan} providerName={providerName} />
        <Section title={m.history}>
          <ol className="versions">
            {chain.map((version) => (
              <li key={version.id}>
                {version.id === plan.id ? <strong>{planTitle(version)}</strong> : <Link to={planPath(version)}>{planTitle(version)}</Link>}（{warekiDate(version.createdOn)}）
              </li>
            ))}
          </ol>
        </Section>
        <Section title={m.evaluations}>
          <DataTable
            columns={[
              { header: caseWorkMessages.evaluation.columns.evaluatedOn, cell: (e) => <Link to={`/persons/${person.id}/evaluations/${e.id}`}>{warekiDate(e.evaluatedOn)}</Link> },
              { header: caseWorkMessages.evaluation.columns.decision, cell: (e) => (e.overallDecision ? choiceLabels.evaluationDecisions[e.overallDecision] : none) },
              { header: caseWorkMessages.evaluation.columns.evaluator, cell: (e) => text(e.evaluator) },
            ]}
            rows={planEvaluations}
            rowKey={(e) => e.id}
            empty={caseWorkMessages.evaluation.empty}
          />
        </Section>
      </AuditGate>
    </div>
  );
}

function PlanFields({ plan, providerName }: { plan: CarePlan; providerName: string | undefined }) {
  return (
    <>
      <Section title={m.sections.basics}>
        <Fields
          rows={[
            [f.planType, m.kinds[plan.planType]],
            [f.createdOn, warekiDate(plan.createdOn)],
            [f.firstCreatedOn, warekiDate(plan.firstCreatedOn)],
            [f.planCategory, choiceLabels.planCategories[plan.planCategory]],
            [f.entrusted, plan.entrusted ? [m.fields.entrustedYes, providerName, plan.entrustedProvider].filter(Boolean).join(' ') : none],
            [f.planner, text(plan.planner)],
          ]}
        />
      </Section>
      <Section title={m.sections.certification}>
        <Fields
          rows={[
            [f.careLevel, plan.careLevel ? (careLevelLabel(plan.careLevel) ?? plan.careLevel) : none],
            [f.certifiedOn, warekiDate(plan.certifiedOn)],
            [f.validFrom, warekiDate(plan.validFrom)],
            [f.validTo, warekiDate(plan.validTo)],
          ]}
        />
      </Section>
      <Section title={m.sections.goals}>
        <Fields
          rows={[
            [f.goalDay, text(plan.goalDay)],
            [f.goalYear, text(plan.goalYear)],
          ]}
        />
      </Section>
      <Section title={m.sections.assessment}>
        <table className="data plan-table">
          <thead>
            <tr>
              <th scope="col">{m.sections.assessment}</th>
              <th scope="col">{f.situation}</th>
              <th scope="col">{f.wishes}</th>
              <th scope="col">{f.issues}</th>
            </tr>
          </thead>
          <tbody>
            {assessmentAreas.map((area) => (
              <tr key={area}>
                <th scope="row">{m.areas[area]}</th>
                <td className="long-text">{text(plan.assessment?.[area]?.situation)}</td>
                <td className="long-text">{text(plan.assessment?.[area]?.wishes)}</td>
                <td className="long-text">{text(plan.assessment?.[area]?.issues)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={m.sections.overall}>
        <h3>{f.overallIssues}</h3>
        <p className="long-text">{text(plan.overallIssues)}</p>
        <h3>{m.sections.goalRows}</h3>
        {plan.goalsText && <p className="long-text">{plan.goalsText}</p>}
        <ol className="goals">
          {(plan.goals ?? []).map((goal) => (
            <li key={goal.goalId}>
              <p className="long-text">
                <strong>{f.goal}</strong> {goal.goal}
              </p>
              <p className="long-text">
                <strong>{f.measures}</strong> {text(goal.measures)}
              </p>
            </li>
          ))}
        </ol>
      </Section>
      <Section title={m.sections.support}>
        {plan.selfCare && <p className="long-text">{plan.selfCare}</p>}
        {plan.servicesText && <p className="long-text">{plan.servicesText}</p>}
        <div className="table-scroll" role="region" aria-label={m.sections.support} tabIndex={0}>
          <DataTable
            columns={[
              { header: f.supportPoints, cell: (r) => <span className="long-text">{text(r.supportPoints)}</span> },
              { header: f.selfCareInformal, cell: (r) => <span className="long-text">{text(r.selfCareInformal)}</span> },
              { header: f.services, cell: (r) => <span className="long-text">{text(r.services)}</span> },
              { header: f.serviceType, cell: (r) => text(r.serviceType) },
              { header: f.provider, cell: (r) => text(r.provider) },
              { header: `${f.periodFrom}〜${f.periodTo}`, cell: (r) => `${warekiDate(r.periodFrom)}〜${warekiDate(r.periodTo)}` },
            ]}
            rows={plan.supportRows ?? []}
            rowKey={(_, i) => String(i)}
            empty={none}
          />
        </div>
      </Section>
      <Section title={m.sections.health}>
        <h3>{f.healthNotes}</h3>
        <p className="long-text">{text(plan.healthNotes)}</p>
        <h3>{f.overallPolicy}</h3>
        <p className="long-text">{text(plan.overallPolicy)}</p>
      </Section>
      <Section title={m.sections.checklist}>
        <ChecklistCounts counts={plan.checklist} />
      </Section>
      <Section title={m.sections.consent}>
        <Fields
          rows={[
            [f.consentOn, warekiDate(plan.consentOn)],
            [f.consentBy, text(plan.consentBy)],
            [f.evaluationDueOn, warekiDate(plan.evaluationDueOn)],
          ]}
        />
      </Section>
    </>
  );
}
