/**
 * DEMO accounts for Kabupaten Lahat, all with the password {@link DEMO_PASSWORD} — for trying
 * the console, never for real data: they are marked `is_demo` and cannot sign in when
 * `NODE_ENV=production`.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { StaffRole } from '../../../src/schemas/index.js';
import type { Database } from '../db/schema.js';
import { addUser } from './users.js';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'demo-password';

/** The demo accounts. */
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: StaffRole; opd: string | null }> = [
  { email: 'admin@lahat.demo', name: 'Admin Diskominfo (demo)', role: 'regency_admin', opd: null },
  { email: 'bpkad@lahat.demo', name: 'Petugas BPKAD (demo)', role: 'opd_staff', opd: 'bpkad' },
  { email: 'pupr@lahat.demo', name: 'Petugas PUPR (demo)', role: 'opd_staff', opd: 'dinas-pupr' },
];

/** Adds the demo accounts that are not there yet. */
export async function seedDemoUsers(db: Kysely<Database>, now: Date): Promise<Record<string, number>> {
  let added = 0;
  for (const user of DEMO_USERS) {
    const exists = await db.selectFrom('staff_users').select('id').where('email', '=', user.email).executeTakeFirst();
    if (exists) continue;
    if (user.opd) {
      const opd = await db.selectFrom('opds').select('slug').where('slug', '=', user.opd).executeTakeFirst();
      if (!opd) continue;
    }
    await addUser(db, { ...user, password: DEMO_PASSWORD, mustChangePassword: false, isDemo: true }, now);
    added++;
  }
  return { 'staff users': added };
}
