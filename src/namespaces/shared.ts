/**
 * Small pieces every namespace uses.
 *
 * @module
 * @internal
 */
import { OpdError } from '../errors.js';

/** The OPD a call is about: the one it names, else the client's default. */
export function resolveOpd(named: string | undefined, fallback: string | undefined): string {
  const slug = named ?? fallback;
  if (!slug) {
    throw new OpdError('No OPD given: pass `opd` to createClient() or to this call');
  }
  return slug;
}
