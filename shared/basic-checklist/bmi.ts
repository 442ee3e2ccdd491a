// BMI from height in cm and weight in kg. The 18.5 threshold is judged on the exact
// value of the numbers as entered, not on floating point: 47.36 kg at 160 cm is BMI
// 18.5 exactly, which floating point computes as 18.499999999999996 and would count.

export const bmiThreshold = 18.5;

interface Decimal {
  /** value = digits / 10^scale */
  readonly digits: bigint;
  readonly scale: number;
}

// The shortest decimal that round-trips to the number is what was typed or stored.
function toDecimal(value: number): Decimal {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`not a positive finite number: ${value}`);
  const fraction = match[2] ?? '';
  const scale = fraction.length - Number(match[3] ?? 0);
  const digits = BigInt(`${match[1] ?? '0'}${fraction}`);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

export function isPositiveFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

export interface Bmi {
  /** For computation and display beyond one decimal; float. */
  readonly exact: number;
  /** Rounded half up to one decimal, for display. */
  readonly rounded: number;
  /** Whether the exact BMI is below 18.5 (item 12 scores 1). */
  readonly underweight: boolean;
}

/** Null unless both height (cm) and weight (kg) are positive finite numbers. */
export function computeBmi(heightCm: number | null | undefined, weightKg: number | null | undefined): Bmi | null {
  if (!isPositiveFiniteNumber(heightCm) || !isPositiveFiniteNumber(weightKg)) return null;
  const h = toDecimal(heightCm);
  const w = toDecimal(weightKg);
  // BMI × 10 = 100000·w / h², as the fraction numerator / denominator in integers.
  const numerator = 100000n * w.digits * 10n ** BigInt(2 * h.scale);
  const denominator = h.digits * h.digits * 10n ** BigInt(w.scale);
  const tenths = (2n * numerator + denominator) / (2n * denominator);
  return {
    exact: (weightKg * 10000) / (heightCm * heightCm),
    rounded: Number(tenths) / 10,
    // BMI < 18.5 ⇔ BMI × 10 < 185.
    underweight: numerator < BigInt(bmiThreshold * 10) * denominator,
  };
}
