/**
 * Perjaka's arithmetic, in whole numbers: lengths in metres, percents in hundredths. Nothing
 * here uses a float sum, so 214 segments add up to 1,339.15 km exactly and a kemantapan is
 * rounded once, at the end.
 *
 * @module
 */
import type { ConditionClass, ConditionKm } from '../../../../src/schemas/roads.js';

/** Km per class in whole metres. */
export interface ClassMetres {
  baik: number;
  sedang: number;
  rusakRingan: number;
  rusakBerat: number;
}

/** No metres in any class. */
export function noMetres(): ClassMetres {
  return { baik: 0, sedang: 0, rusakRingan: 0, rusakBerat: 0 };
}

/** Adds `b` into `a` (in place) and answers `a`. */
export function addMetres(a: ClassMetres, b: ClassMetres): ClassMetres {
  a.baik += b.baik;
  a.sedang += b.sedang;
  a.rusakRingan += b.rusakRingan;
  a.rusakBerat += b.rusakBerat;
  return a;
}

/** The sum of the four classes, in metres. */
export function totalMetres(m: ClassMetres): number {
  return m.baik + m.sedang + m.rusakRingan + m.rusakBerat;
}

/** Baik + Sedang, in metres: the steady (*mantap*) part. */
export function steadyMetres(m: ClassMetres): number {
  return m.baik + m.sedang;
}

/** Metres as km for an answer (1339150 → 1339.15). */
export function km(metres: number): number {
  return metres / 1000;
}

/** Km per class for an answer. */
export function classKm(m: ClassMetres): ConditionKm {
  return { baik: km(m.baik), sedang: km(m.sedang), rusakRingan: km(m.rusakRingan), rusakBerat: km(m.rusakBerat) };
}

/** Km (a JSON number with at most three decimals, checked by the schema) as whole metres. */
export function metresOfKm(value: number): number {
  return Math.round(value * 1000);
}

/**
 * Km as a person typed it (`5.25`, `5,250`, `12`) as whole metres, or null when it is not a
 * number of km with at most three decimals. `decimalComma`: a comma is the decimal mark (CSV
 * files separated by semicolons, as Indonesian spreadsheets write them).
 */
export function metresOfKmText(text: string, decimalComma = false): number | null {
  const trimmed = text.trim();
  const pattern = decimalComma ? /^(\d{1,6})(?:[.,](\d{1,3}))?$/ : /^(\d{1,6})(?:\.(\d{1,3}))?$/;
  const match = pattern.exec(trimmed);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(3, '0'));
  return whole * 1000 + fraction;
}

/** A number of metres written as km with three decimals, for messages: `5.250 km`. */
export function kmText(metres: number): string {
  return `${(metres / 1000).toFixed(3)} km`;
}

/**
 * (Baik + Sedang) / length as a percent with two decimals, rounded half up once:
 * 1,049,224 m of 1,339,150 m → 78.35. Zero length → 0.
 */
export function kemantapanPercent(steady: number, length: number): number {
  if (length <= 0) return 0;
  // Hundredths of a percent, rounded half up, in integers (both below 2^53 for any network on earth).
  const hundredths = Math.floor((steady * 20_000 + length) / (2 * length));
  return hundredths / 100;
}

/** The steady metres a target (hundredths of a percent) asks of `length` metres, rounded up to the metre. */
export function steadyMetresNeeded(length: number, percentHundredths: number): number {
  return Math.ceil((length * percentHundredths) / 10_000);
}

/** The class with the most metres; on a tie the worse one (a map should not flatter). */
export function dominantClass(m: ClassMetres): ConditionClass {
  const order: ConditionClass[] = ['rusakBerat', 'rusakRingan', 'sedang', 'baik'];
  let best: ConditionClass = 'rusakBerat';
  for (const name of order) if (m[name] > m[best]) best = name;
  return best;
}
