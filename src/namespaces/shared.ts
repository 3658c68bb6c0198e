/**
 * Small pieces every namespace uses.
 *
 * @module
 * @internal
 */
import { OpdError } from '../errors.js';
import type { RequestSender } from '../request.js';

/** What a namespace knows of its client besides the sender. */
export interface ClientDefaults {
  /** The OPD used when a call names none. */
  opd?: string;
}

/** Builds one namespace of a client (`client.consultations`, …) over the client's sender. */
export type NamespaceFactory<T> = (sender: RequestSender, defaults: ClientDefaults) => T;

/** The OPD a call is about: the one it names, else the client's default. */
export function resolveOpd(named: string | undefined, fallback: string | undefined): string {
  const slug = named ?? fallback;
  if (!slug) {
    throw new OpdError('No OPD given: pass `opd` to createClient() or to this call');
  }
  return slug;
}
