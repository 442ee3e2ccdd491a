export {
  type BasicChecklistDomain,
  type BasicChecklistScoresOn,
  type BasicChecklistQuestion,
  type BasicChecklistDomainInfo,
  type BasicChecklistCriterion,
  basicChecklistQuestions,
  basicChecklistQuestionCount,
  bmiQuestionNumber,
  basicChecklistDomains,
  basicChecklistCriteria,
  basicChecklistCriterionLabels,
} from './questions';
export { type Bmi, bmiThreshold, computeBmi } from './bmi';
export { type BasicChecklistAnswer, type BasicChecklistDomainCount, type BasicChecklistScore, scoreBasicChecklist } from './score';
