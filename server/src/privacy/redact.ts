/**
 * Taking a citizen out of free text, for every module's erasure and retention (SIAP's
 * consultations, Perjaka's reports): {@link redactorFor} turns each mention of their names,
 * e-mail addresses and phone numbers — and any number shaped like a NIK — into
 * {@link ERASED_NAME}; {@link nationalDigits} compares phone numbers however they were written.
 *
 * @module
 */

/** What erased personal data shows instead: a citizen's name, and erased text instead of each mention of them. */
export const ERASED_NAME = '(dihapus)';

/** Whom a text may mention: the names, e-mail addresses and phone numbers (as stored or typed) to take out of it. */
export interface Mentions {
  names: readonly string[];
  emails: readonly string[];
  phones: readonly string[];
}

/**
 * Words of a name that are not the person (titles and forms of address), and the erased
 * marker itself: a name part redacted on its own must say something about who it was.
 */
const NOT_A_NAME = new Set([
  'bapak', 'ibu', 'pak', 'bu', 'sdr', 'sdri', 'saudara', 'saudari', 'tuan', 'nyonya', 'nona', 'mas', 'mbak', 'kak', 'adik',
  'haji', 'hajah', 'hajjah', 'bin', 'binti', 'drs', 'dra', 'prof', 'yth', 'dihapus',
]);

/** A name part shorter than this is not redacted on its own (initials, `H.`, `Hj`): only within the whole name. */
const MIN_NAME_PART = 3;

/** Not inside a word: what a name or name part must not touch on either side. */
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{M}\\p{N}])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{M}\\p{N}])';
/** What may sit between the digits of a phone number as people write it. */
const PHONE_GAP = '[\\s.()\\-]*';

/**
 * A 16-digit number as a NIK is written: in one run, in fours (`1671 0101 0180 0001`, one kind
 * of separator), or 6-6-4 (`167101.010180.0001`); {@link looksLikeNik} then checks its shape.
 */
const NIK_CANDIDATE = /(?<!\d)(?:\d{16}|\d{4}([ .-])\d{4}\1\d{4}\1\d{4}|\d{6}[ .-]\d{6}[ .-]\d{4})(?!\d)/g;

/**
 * Whether 16 digits have a NIK's shape: a province code (11–99), the birth date (day 01–31,
 * or 41–71 for women, month 01–12) in digits 7–12, and a serial that is not 0000.
 */
export function looksLikeNik(digits: string): boolean {
  if (!/^\d{16}$/.test(digits)) return false;
  const province = Number(digits.slice(0, 2));
  const day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  return province >= 11 && dayOk && month >= 1 && month <= 12 && digits.slice(12) !== '0000';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The digits of a phone number after the country code or the leading 0 (`81299997777`); undefined when too short to be one. */
export function nationalDigits(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  const national = digits.startsWith('62') ? digits.slice(2) : digits.startsWith('0') ? digits.slice(1) : digits;
  return national.length >= 7 ? national : undefined;
}

/** The patterns of `mentions`, most specific first: e-mail addresses, phone numbers, whole names, then each part of a name. */
function mentionPatterns({ names, emails, phones }: Mentions): RegExp[] {
  const unique = (values: Iterable<string>) => [...new Set(values)];
  const sources: string[] = [];
  for (const email of unique(emails.map((e) => e.trim()).filter((e) => e.includes('@')))) sources.push(escapeRegExp(email));
  for (const national of unique(phones.flatMap((p) => nationalDigits(p) ?? []))) {
    // 0812…, +62812…, 62812…, (0812) …, or without a prefix; any spaces, dots or dashes between digits.
    sources.push(`(?<![\\d+])(?:\\(?(?:\\+\\s*62|62|0)\\)?${PHONE_GAP})?${[...national].join(PHONE_GAP)}(?!\\d)`);
  }
  const people = unique(names.map((n) => n.trim()).filter((n) => n && n !== ERASED_NAME));
  for (const name of people) {
    // The whole name, however spaced (`Budi  Santoso`, `Budi\nSantoso`, `BudiSantoso`).
    sources.push(`${NOT_AFTER_WORD}${name.split(/\s+/).map(escapeRegExp).join('\\s*')}${NOT_BEFORE_WORD}`);
  }
  const parts = unique(
    people.flatMap((name) => name.split(/[^\p{L}\p{M}'’]+/u)).filter((part) => [...part].length >= MIN_NAME_PART && !NOT_A_NAME.has(part.toLowerCase())),
  );
  // Longer parts first, so one part that holds another (`Santoso`, `Santo`) goes whole.
  parts.sort((a, b) => b.length - a.length);
  for (const part of parts) sources.push(`${NOT_AFTER_WORD}${escapeRegExp(part)}${NOT_BEFORE_WORD}`);
  return sources.map((source) => new RegExp(source, 'giu'));
}

/**
 * A function that takes a citizen out of a text: every mention of their e-mail addresses
 * (any case), phone numbers (`0812…`, `+62812…`, `62812…`, with spaces, dots or dashes), names
 * (any case and spacing; and each part of a name of 3 or more letters on its own, titles such
 * as `Bapak` aside) and every number that looks like a NIK ({@link looksLikeNik}) becomes
 * {@link ERASED_NAME}. The rest of the text stays as it is.
 */
export function redactorFor(mentions: Mentions): (text: string) => string {
  const patterns = mentionPatterns(mentions);
  return (text) => {
    let redacted = text;
    for (const pattern of patterns) redacted = redacted.replace(pattern, ERASED_NAME);
    return redacted.replace(NIK_CANDIDATE, (found) => (looksLikeNik(found.replace(/\D/g, '')) ? ERASED_NAME : found));
  };
}

