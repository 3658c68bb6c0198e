/**
 * SIAP's mails, written with the spine's `notify/compose.ts`:
 *
 * - to the citizen, at the address they gave for the answer (no opt-in: it serves the purpose
 *   they gave it for), in the language they asked in: `consultation.received` (the tracking
 *   code, how to check the status, that the record survives a lost device) and
 *   `consultation.answered` (the answer itself, quoted: the citizen need not come back for it,
 *   and it is no more than the public tracking page shows anyone holding the code; the code
 *   too, for the timeline). Made in SIAP's `onEvents` from the outbox event, so the mail commits
 *   with the event's dispatch. A question with only a phone number gets no mail.
 * - to staff, once per question, when it is due today (less than one working day left) and has
 *   no first response yet: `consultation.due-soon`, to the assignee, else to every active user
 *   of the OPD ({@link remindDueJob}).
 *
 * @module
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { dayIn, endOfDayIn } from '../../calendar/working-days.js';
import type { JobDefinition, OutboxEvent } from '../../jobs/contract.js';
import { queueMail, queueMails, renderMail, type MailContent, type QueuedMail, type RenderedMail } from '../../notify/compose.js';
import { siapDb } from './tables.js';

/** The citizen's language. */
type Language = 'id' | 'en';

/** What the citizen's mails say of the question. */
interface Question {
  trackingCode: string;
  subject: string;
  opdName: string;
  answer: string | null;
}

const FOOTER: Record<Language, string> = {
  id: 'E-mail ini dikirim otomatis karena alamat ini diberikan untuk menerima jawaban atas pertanyaan di atas. Mohon tidak membalas e-mail ini.',
  en: 'This e-mail was sent automatically because this address was given to receive the answer to the question above. Please do not reply to it.',
};

/** How to check the status, in the citizen's words. */
function howToCheck(language: Language, opdName: string): string {
  return language === 'en'
    ? `You can check the status and read the answer at any time on the consultation page of ${opdName}'s website ("Check status"), with this code, from any device: your question is kept on our server, so nothing is lost if your phone or computer is lost or replaced.`
    : `Dengan kode ini Anda dapat melihat status dan membaca jawabannya kapan saja di halaman layanan konsultasi situs web ${opdName} ("Cek status"), dari perangkat mana pun: pertanyaan Anda tersimpan di server kami, sehingga tidak hilang meskipun ponsel atau komputer Anda hilang atau diganti.`;
}

/** The mail telling the citizen their question was received. */
export function receivedMail(language: Language, question: Question): RenderedMail {
  const { trackingCode: code, opdName } = question;
  const content: MailContent =
    language === 'en'
      ? {
          subject: `We received your question (${code})`,
          greeting: 'Dear citizen,',
          intro: [`${opdName} received your question “${question.subject}”. Staff will respond within 3 working days.`],
          code: { label: 'Your tracking code', value: code },
          outro: [howToCheck(language, opdName), 'We will e-mail you again at this address when your question is answered.'],
          signature: `Kind regards,\n${opdName}`,
          footer: FOOTER.en,
        }
      : {
          subject: `Pertanyaan Anda sudah kami terima (${code})`,
          greeting: 'Yth. Bapak/Ibu,',
          intro: [`Pertanyaan Anda “${question.subject}” sudah diterima oleh ${opdName}. Petugas akan menanggapinya paling lambat 3 hari kerja.`],
          code: { label: 'Kode pelacakan Anda', value: code },
          outro: [howToCheck(language, opdName), 'Kami akan mengirim e-mail lagi ke alamat ini setelah pertanyaan Anda dijawab.'],
          signature: `Hormat kami,\n${opdName}`,
          footer: FOOTER.id,
        };
  return renderMail(content, language);
}

/** The mail bringing the citizen the answer. */
export function answeredMail(language: Language, question: Question): RenderedMail {
  const { trackingCode: code, opdName } = question;
  const content: MailContent =
    language === 'en'
      ? {
          subject: `Your question has been answered (${code})`,
          greeting: 'Dear citizen,',
          intro: [`${opdName} answered your question “${question.subject}”.`],
          quote: { label: 'The answer', text: question.answer ?? '' },
          code: { label: 'Tracking code', value: code },
          outro: [`The answer and the whole history of your question stay on the consultation page of ${opdName}'s website ("Check status"), with this code.`],
          signature: `Kind regards,\n${opdName}`,
          footer: FOOTER.en,
        }
      : {
          subject: `Pertanyaan Anda sudah dijawab (${code})`,
          greeting: 'Yth. Bapak/Ibu,',
          intro: [`${opdName} sudah menjawab pertanyaan Anda “${question.subject}”.`],
          quote: { label: 'Jawaban', text: question.answer ?? '' },
          code: { label: 'Kode pelacakan', value: code },
          outro: [`Jawaban dan riwayat lengkap pertanyaan Anda tetap dapat dilihat di halaman layanan konsultasi situs web ${opdName} ("Cek status") dengan kode ini.`],
          signature: `Hormat kami,\n${opdName}`,
          footer: FOOTER.id,
        };
  return renderMail(content, language);
}

/** The citizen's mail of each SIAP event that has one. */
const CITIZEN_MAILS: Readonly<Record<string, (language: Language, question: Question) => RenderedMail>> = {
  'consultation.received': receivedMail,
  'consultation.answered': answeredMail,
};

/**
 * SIAP's `onEvents`: the citizen's mail of each event that has one, when its question has an
 * address (one read of the batch's questions, one insert of their mails).
 */
export async function mailCitizens(trx: Transaction<Database>, events: readonly OutboxEvent[]): Promise<void> {
  const wanted = events.flatMap((event) => {
    const write = CITIZEN_MAILS[event.topic];
    const id = Number(event.payload.consultationId);
    return write && Number.isSafeInteger(id) ? [{ event, write, id }] : [];
  });
  if (wanted.length === 0) return;
  const rows = await siapDb(trx)
    .selectFrom('consultations as c')
    .innerJoin('opds as o', 'o.slug', 'c.opd_slug')
    .select(['c.id', 'c.tracking_code', 'c.opd_slug', 'c.email', 'c.language', 'c.subject', 'c.answer_text', 'c.contact_erased_at', 'o.name', 'o.name_en'])
    .where('c.id', 'in', [...new Set(wanted.map((w) => w.id))])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const mails = wanted.flatMap(({ event, write, id }): QueuedMail[] => {
    const row = byId.get(id);
    if (!row?.email || row.contact_erased_at) return [];
    const language = row.language === 'en' ? 'en' : 'id';
    const mail = write(language, {
      trackingCode: row.tracking_code,
      subject: row.subject,
      opdName: language === 'en' ? (row.name_en ?? row.name) : row.name,
      answer: row.answer_text,
    });
    return [{ eventId: event.id, template: event.topic, opd: row.opd_slug, about: row.tracking_code, recipient: row.email, language, mail, at: event.createdAt }];
  });
  // Each mail is due at its event's time.
  await queueMails(trx, mails, wanted[0]!.event.createdAt);
}

/** The staff's reminder of a question due today without a first response. */
export function dueSoonMail(question: { trackingCode: string; opdName: string; dueAt: Date; timeZone: string; consoleUrl: string | null }): RenderedMail {
  const due = new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeStyle: 'short', timeZone: question.timeZone }).format(question.dueAt);
  return renderMail(
    {
      subject: `Pengingat: pertanyaan ${question.trackingCode} jatuh tempo hari ini`,
      greeting: 'Yth. Petugas layanan konsultasi,',
      intro: [`Pertanyaan berikut belum mendapat tanggapan pertama dan batas layanannya (3 hari kerja) berakhir ${due}.`],
      code: { label: 'Kode pelacakan', value: question.trackingCode },
      outro: [
        question.consoleUrl
          ? `Mohon jawab atau beri tanggapan sebelum batas waktu melalui konsol staf: ${question.consoleUrl}`
          : 'Mohon jawab atau beri tanggapan sebelum batas waktu melalui konsol staf.',
      ],
      signature: `Layanan konsultasi ${question.opdName}`,
      footer: 'Pengingat ini dikirim otomatis sekali untuk setiap pertanyaan, kepada petugas yang ditugaskan atau, bila belum ada, kepada semua petugas OPD.',
    },
    'id',
  );
}

/** Questions reminded per run at most. */
const REMIND_BATCH = 100;

/**
 * `siap-remind-due`: every 5 minutes, the questions due by the end of today in the regency's
 * time zone (less than one working day left: a due date is the end of a working day) with no
 * first response and no reminder yet are marked reminded and their staff's mails queued, in one
 * transaction (claimed `FOR UPDATE SKIP LOCKED`), so each question is reminded once.
 */
export const remindDueJob: JobDefinition = {
  name: 'siap-remind-due',
  everyMs: 5 * 60_000,
  async run({ db: spine, settings, now }) {
    const at = now();
    const endOfToday = endOfDayIn(dayIn(at, settings.timeZone), settings.timeZone);
    const consoleUrl = settings.publicUrl ? `${settings.publicUrl}/console` : null;
    return spine.transaction().execute(async (trx) => {
      const db = siapDb(trx);
      const due = await db
        .updateTable('consultations')
        .set({ reminded_at: at })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('consultations')
            .select('id')
            .where('status', 'in', ['received', 'in_progress'])
            .where('first_response_at', 'is', null)
            .where('reminded_at', 'is', null)
            .where('due_at', '<=', endOfToday)
            .orderBy('id')
            .limit(REMIND_BATCH)
            .forUpdate()
            .skipLocked(),
        )
        .returning(['id', 'tracking_code', 'opd_slug', 'due_at', 'assigned_to'])
        .execute();
      let mails = 0;
      for (const question of due) {
        const active = db.selectFrom('staff_users').select(['id', 'email']).where('disabled_at', 'is', null).orderBy('email');
        const assignee = question.assigned_to ? await active.where('id', '=', question.assigned_to).execute() : [];
        // Nobody assigned (or the assignee's account is disabled): every active user of the OPD.
        const staff = assignee.length > 0
          ? assignee
          : await active.where('opd_slug', '=', question.opd_slug).where('role', 'in', ['opd_admin', 'opd_staff']).execute();
        const opd = await db.selectFrom('opds').select('name').where('slug', '=', question.opd_slug).executeTakeFirst();
        const mail = dueSoonMail({
          trackingCode: question.tracking_code,
          opdName: opd?.name ?? question.opd_slug,
          dueAt: question.due_at,
          timeZone: settings.timeZone,
          consoleUrl,
        });
        for (const user of staff) {
          const queued = await queueMail(
            trx,
            { eventId: null, template: 'consultation.due-soon', opd: question.opd_slug, about: question.tracking_code, recipient: user.email, language: 'id', mail },
            at,
          );
          if (queued) mails += 1;
        }
      }
      return { reminded: due.length, mails };
    });
  },
};
