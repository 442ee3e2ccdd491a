export { normalizeDigits, isValidInsuredNumber, isValidInsurerNumber } from './numbers';
export {
  careLevels,
  type CareLevelCode,
  type CareLevelLabel,
  isCareLevelCode,
  careLevelLabel,
  isSupportLevel,
  isProgramEligibleLevel,
  isCareLevel,
} from './care-levels';
export {
  dementiaIndependenceLevels,
  disabilityIndependenceLevels,
  type DementiaIndependenceLevel,
  type DisabilityIndependenceLevel,
  isDementiaIndependenceLevel,
  isDisabilityIndependenceLevel,
  toDementiaIndependenceLevel,
  toDisabilityIndependenceLevel,
} from './independence';
