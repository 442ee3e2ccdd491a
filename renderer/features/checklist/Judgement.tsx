import { useId } from 'react';
import { type BasicChecklistScore, basicChecklistCriterionLabels, bmiQuestionNumber, caseWorkMessages, format } from '../../../shared/index';

const m = caseWorkMessages.checklist;

/**
 * 判定: the counts per domain and the 事業対象者 judgement with every criterion met, from
 * scoreBasicChecklist. An incomplete checklist is not judged; its unanswered items are
 * named instead. Only an eligible result says 事業対象者.
 */
export function Judgement({ score }: { score: BasicChecklistScore }) {
  const id = useId();
  const missing = score.missing.map((n) => format(m.missingItem, { number: n })).join('、');
  return (
    <section className="judgement" role="region" aria-labelledby={id}>
      <h2 id={id}>{m.judgement}</h2>
      <div aria-live="polite" className="judgement-result">
        {!score.complete ? (
          <>
            <p className="judgement-incomplete">{m.incomplete}</p>
            <p>{format(m.missing, { items: missing })}</p>
          </>
        ) : score.programEligible ? (
          <>
            <p className="judgement-eligible">{m.eligible}</p>
            <p>{m.criteriaMet}</p>
            <ul>
              {score.criteria.map((criterion) => (
                <li key={criterion}>{basicChecklistCriterionLabels[criterion]}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{m.notEligible}</p>
        )}
      </div>
      <table className="data compact">
        <caption>{m.domainsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.domainColumn}</th>
            <th scope="col">{m.scoreColumn}</th>
          </tr>
        </thead>
        <tbody>
          {score.domains.map((domain) => (
            <tr key={domain.domain}>
              <th scope="row">{domain.label}</th>
              <td>
                {format(m.scoreValue, { scored: domain.scored, of: domain.of })}
                {domain.answered < domain.of && format(m.answeredValue, { answered: domain.answered, of: domain.of })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{format(m.total, { count: score.total1to20 })}</p>
      <p>
        {score.bmi === null ? m.bmiUnknown : format(m.bmi, { value: score.bmi.toFixed(1) })}
        {score.itemScores[bmiQuestionNumber - 1] === 1 && m.bmiScores}
      </p>
    </section>
  );
}

/** A one-line result for lists: 事業対象者, 非該当, or not judged with the count of what is missing. */
export function resultText(score: BasicChecklistScore): string {
  if (!score.complete) return format(m.resultIncomplete, { count: score.missing.length });
  return score.programEligible ? m.resultEligible : m.resultNotEligible;
}
