// Insurance numbers arrive from CSV and from people typing on a Japanese IME, so
// full-width digits and stray spaces are normal; anything else in them is not.

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
// The distance from ０ U+FF10 to 0 U+0030.
const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

/** Full-width digits ０–９ → ASCII 0–9; every other character is left as it is. */
export function normalizeDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

function isDigits(text: string, length: number): boolean {
  if (typeof text !== 'string') return false;
  const digits = normalizeDigits(text).trim();
  return digits.length === length && /^[0-9]+$/.test(digits);
}

/** 被保険者番号: exactly 10 digits once full-width digits are normalised and the ends trimmed. */
export function isValidInsuredNumber(text: string): boolean {
  return isDigits(text, 10);
}

/** 保険者番号: exactly 6 digits, normalised the same way. */
export function isValidInsurerNumber(text: string): boolean {
  return isDigits(text, 6);
}
