/**
 * Who is acting: the signed-in staff user of a request (`ctx.actor`), or a system actor for
 * what the server does by itself (the retention job). The audit log records both.
 *
 * @module
 */
import type { StaffRole } from '../../../src/schemas/index.js';

/** Anyone the audit log can name: a person (with id and e-mail) or a system actor (name only). */
export interface AuditActor {
  /** The staff user's id, or null for a system actor. */
  readonly id: string | null;
  /** The staff user's e-mail address, or null for a system actor. */
  readonly email: string | null;
  /** The person's name at the time, or the system actor's name (`retention`). */
  readonly name: string;
}

/** The signed-in staff user of a request. */
export interface Actor extends AuditActor {
  readonly id: string;
  readonly email: string;
  /** What they may do, see `Access` in `src/schemas/endpoint.ts`. */
  readonly role: StaffRole;
  /** Their OPD; null for a regency admin. */
  readonly opd: string | null;
  /** The sign-in (token) this request came with, so sign-out ends exactly it. */
  readonly tokenId: string;
}

/** A system actor, e.g. `systemActor('retention')`. */
export function systemActor(name: string): AuditActor {
  return { id: null, email: null, name };
}

/** True when `actor` may work on `opd`'s data: a regency admin, or one of the OPD's users. */
export function worksFor(actor: Pick<Actor, 'role' | 'opd'>, opd: string): boolean {
  return actor.role === 'regency_admin' || actor.opd === opd;
}
