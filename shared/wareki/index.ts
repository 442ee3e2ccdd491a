export {
  type CalendarDate,
  isLeapYear,
  daysInMonth,
  isValidCalendarDate,
  formatIsoDate,
  parseIsoDate,
  isIsoDate,
  compareIsoDates,
  addDays,
  addMonths,
} from './calendar';
export { type Era, type EraKey, type EraName, type EraLetter, type EraDigit, eras, earliestSupportedDate, eraOf } from './eras';
export { type WarekiError, type WarekiParseResult, warekiErrors, parseWareki } from './parse';
export { type WarekiParts, toWarekiParts, toWareki, toWarekiShort } from './format';
