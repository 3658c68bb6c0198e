/**
 * The events `<opd-console>` emits, merged into the kit's `OpdEventMap`
 * (`widgets/shared/events.ts`). None carries a citizen's data.
 *
 * @module
 */
import type { StaffRole } from '../../src/schemas/endpoint.js';

/** `opd-signed-in`: a staff user signed in, or a kept session was restored. */
export interface OpdSignedInDetail {
  /** The user's id. */
  userId: string;
  /** Their role. */
  role: StaffRole;
  /** Their OPD's slug; `null` for a regency admin. */
  opd: string | null;
}

/** `opd-signed-out`: the console shows the sign-in form again. */
export interface OpdSignedOutDetail {
  /** `signed-out`: the user asked; `expired`: the backend no longer knew the session. */
  reason: 'signed-out' | 'expired';
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-signed-in': OpdSignedInDetail;
    'opd-signed-out': OpdSignedOutDetail;
  }
}
