import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TRACKING_CODE_PATTERN, isCalendarDate, normalizeTrackingCode, type IndonesianTimeZone } from '../../src/schemas/index.js';
import { addWorkingDays, dayIn, endOfDayIn, startOfDayIn } from '../../server/src/calendar/working-days.js';
import { INDONESIAN_HOLIDAYS_2025_2026 } from '../../server/src/db/migrations/0003-holidays.js';
import { firstResponseDueAt, isOverdue } from '../../server/src/modules/consultations/service-level.js';
import { generateTrackingCode } from '../../server/src/modules/consultations/tracking-code.js';

/** A moment given in Jakarta time (WIB, +07:00). */
const wib = (local: string) => new Date(`${local}+07:00`);

describe('first response due date (3 working days, Asia/Jakarta)', () => {
  const cases: Array<[string, string, string]> = [
    ['a question on Monday morning is due at the end of Thursday', '2025-03-03T09:00:00', '2025-03-06T23:59:59.999'],
    ['a question on Friday evening is due at the end of Wednesday', '2025-03-07T19:30:00', '2025-03-12T23:59:59.999'],
    ['a question on Saturday is due at the end of Wednesday', '2025-03-08T10:00:00', '2025-03-12T23:59:59.999'],
    ['a question on Sunday night is due at the end of Wednesday', '2025-03-09T23:59:00', '2025-03-12T23:59:59.999'],
    ['a question on Wednesday is due at the end of the next Monday', '2025-03-05T14:00:00', '2025-03-10T23:59:59.999'],
    ['a question just after midnight in Jakarta counts from that Jakarta day', '2025-03-07T00:30:00', '2025-03-12T23:59:59.999'],
    ['a question across the new year skips the weekend', '2025-12-31T16:00:00', '2026-01-05T23:59:59.999'],
  ];
  for (const [name, asked, due] of cases) {
    it(name, () => {
      assert.equal(firstResponseDueAt(wib(asked)).toISOString(), wib(due).toISOString());
    });
  }

  it('counts the Jakarta date, not the UTC one: Thursday 23:00 UTC is already Friday in Lahat', () => {
    // 2025-03-06T23:00Z = Friday 06:00 WIB → due Wednesday.
    assert.equal(firstResponseDueAt(new Date('2025-03-06T23:00:00Z')).toISOString(), wib('2025-03-12T23:59:59.999').toISOString());
  });

  it('skips national holidays when told which days are off', () => {
    const idulFitri = new Set(['2025-03-31', '2025-04-01']);
    const due = firstResponseDueAt(wib('2025-03-28T10:00:00'), { isHoliday: (d) => idulFitri.has(d) });
    assert.equal(due.toISOString(), wib('2025-04-04T23:59:59.999').toISOString());
  });

  it('skips the whole of Lebaran 2025 in the migrated list: a question on Thursday 27 March is due on Thursday 10 April', () => {
    // 28 March cuti bersama Nyepi, 31 March–1 April Idulfitri, 2–4 and 7 April cuti bersama: 8, 9, 10 April count.
    const off = new Set(INDONESIAN_HOLIDAYS_2025_2026.map((day) => day.date));
    const due = firstResponseDueAt(wib('2025-03-27T15:00:00'), { isHoliday: (d) => off.has(d) });
    assert.equal(due.toISOString(), wib('2025-04-10T23:59:59.999').toISOString());
  });

  it('does not count a holiday on a weekend twice, nor the day of the question itself', () => {
    // Sunday 17 August 2025 is a holiday anyway; Monday 18 August (cuti bersama) is skipped.
    const off = new Set(['2025-08-17', '2025-08-18']);
    assert.equal(
      firstResponseDueAt(wib('2025-08-15T09:00:00'), { isHoliday: (d) => off.has(d) }).toISOString(),
      wib('2025-08-21T23:59:59.999').toISOString(),
    );
    // Asked on a holiday: the next working days count, the holiday itself never did.
    assert.equal(
      firstResponseDueAt(wib('2025-08-18T09:00:00'), { isHoliday: (d) => off.has(d) }).toISOString(),
      wib('2025-08-21T23:59:59.999').toISOString(),
    );
  });
});

describe('first response due date in each of Indonesia’s time zones', () => {
  const at = (local: string, offset: string) => new Date(`${local}${offset}`);
  const zones: Array<[IndonesianTimeZone, string]> = [
    ['Asia/Jakarta', '+07:00'],
    ['Asia/Pontianak', '+07:00'],
    ['Asia/Makassar', '+08:00'],
    ['Asia/Jayapura', '+09:00'],
  ];
  for (const [timeZone, offset] of zones) {
    it(`${timeZone}: due at 23:59:59.999 ${offset} of the third working day there`, () => {
      assert.equal(
        firstResponseDueAt(at('2025-03-05T10:00:00', offset), { timeZone }).toISOString(),
        at('2025-03-10T23:59:59.999', offset).toISOString(),
      );
      // Friday evening there: due on Wednesday there.
      assert.equal(
        firstResponseDueAt(at('2025-03-07T19:30:00', offset), { timeZone }).toISOString(),
        at('2025-03-12T23:59:59.999', offset).toISOString(),
      );
    });
  }

  it('counts from the day in the regency: Thursday 16:30 UTC is Thursday in Jakarta but Friday in Jayapura', () => {
    // 23:30 WIB on Thursday is 00:30 WITA and 01:30 WIT on Friday.
    const moment = new Date('2025-03-06T16:30:00Z');
    assert.equal(dayIn(moment, 'Asia/Jakarta'), '2025-03-06');
    assert.equal(dayIn(moment, 'Asia/Makassar'), '2025-03-07');
    assert.equal(dayIn(moment, 'Asia/Jayapura'), '2025-03-07');
    // Jakarta: Thursday → due Tuesday; Makassar and Jayapura: Friday → due Wednesday.
    assert.equal(firstResponseDueAt(moment, { timeZone: 'Asia/Jakarta' }).toISOString(), '2025-03-11T16:59:59.999Z');
    assert.equal(firstResponseDueAt(moment, { timeZone: 'Asia/Makassar' }).toISOString(), '2025-03-12T15:59:59.999Z');
    assert.equal(firstResponseDueAt(moment, { timeZone: 'Asia/Jayapura' }).toISOString(), '2025-03-12T14:59:59.999Z');
  });

  it('skips a holiday by its date in the regency, in every zone', () => {
    const off = new Set(['2025-05-29', '2025-05-30']); // Kenaikan Yesus Kristus and its cuti bersama
    for (const [timeZone, offset] of zones) {
      assert.equal(
        firstResponseDueAt(at('2025-05-27T08:00:00', offset), { timeZone, isHoliday: (d) => off.has(d) }).toISOString(),
        at('2025-06-03T23:59:59.999', offset).toISOString(),
        timeZone,
      );
    }
  });
});

describe('working days', () => {
  it('knows the start and end of a day in each zone', () => {
    assert.equal(startOfDayIn('2026-03-20', 'Asia/Jakarta').toISOString(), '2026-03-19T17:00:00.000Z');
    assert.equal(endOfDayIn('2026-03-20', 'Asia/Makassar').toISOString(), '2026-03-20T15:59:59.999Z');
    assert.equal(endOfDayIn('2026-03-20', 'Asia/Jayapura').toISOString(), '2026-03-20T14:59:59.999Z');
  });

  it('adds working days across a month, a year and a leap day', () => {
    assert.equal(addWorkingDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addWorkingDays('2025-12-31', 3), '2026-01-05');
    assert.equal(addWorkingDays('2026-01-30', 2), '2026-02-03');
  });
});

describe('the 2025 and 2026 days off of the migration', () => {
  it('hold 17 national holidays each year, 11 days of cuti bersama in 2025 (with 18 August) and 8 in 2026', () => {
    const count = (year: string, kind: string) =>
      INDONESIAN_HOLIDAYS_2025_2026.filter((day) => day.date.startsWith(year) && day.kind === kind).length;
    assert.equal(count('2025', 'national'), 17);
    assert.equal(count('2025', 'cuti-bersama'), 11);
    assert.equal(count('2026', 'national'), 17);
    assert.equal(count('2026', 'cuti-bersama'), 8);
  });

  it('are real days, each once, in date order', () => {
    const dates = INDONESIAN_HOLIDAYS_2025_2026.map((day) => day.date);
    assert.ok(dates.every(isCalendarDate));
    assert.deepEqual([...dates].sort(), dates);
    assert.equal(new Set(dates).size, dates.length);
  });

  it('fall on the weekdays the SKB gives, e.g. Idulfitri 2026 on Saturday and Sunday 21–22 March', () => {
    const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
    const byDate = new Map(INDONESIAN_HOLIDAYS_2025_2026.map((day) => [day.date, day]));
    assert.equal(byDate.get('2026-03-21')?.name, 'Idulfitri 1447 Hijriah');
    assert.equal(weekday('2026-03-21'), 6);
    assert.equal(byDate.get('2025-08-18')?.kind, 'cuti-bersama');
    assert.equal(weekday('2025-08-18'), 1);
    // Every cuti bersama is a weekday (it replaces a working day).
    for (const day of INDONESIAN_HOLIDAYS_2025_2026.filter((d) => d.kind === 'cuti-bersama')) {
      assert.ok(![0, 6].includes(weekday(day.date)), `${day.date} ${day.name}`);
    }
  });
});

describe('overdue', () => {
  const dueAt = wib('2025-03-12T23:59:59.999');
  const after = wib('2025-03-13T00:00:01');
  const before = wib('2025-03-12T23:00:00');

  it('is overdue only after the due time, without a first response and not closed', () => {
    assert.equal(isOverdue({ status: 'received', firstResponseAt: null, dueAt }, after), true);
    assert.equal(isOverdue({ status: 'received', firstResponseAt: null, dueAt }, before), false);
    assert.equal(isOverdue({ status: 'in_progress', firstResponseAt: before, dueAt }, after), false);
    assert.equal(isOverdue({ status: 'closed', firstResponseAt: null, dueAt }, after), false);
  });
});

describe('tracking codes', () => {
  it('look like SIAP-XXXX-XXXX in the unambiguous alphabet and survive being typed back in lower case', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const code = generateTrackingCode();
      assert.match(code, TRACKING_CODE_PATTERN);
      assert.equal(normalizeTrackingCode(code.toLowerCase().replace(/-/g, ' ')), code);
      seen.add(code);
    }
    assert.equal(seen.size, 500, '40 random bits should not repeat in 500 draws');
  });

  it('use all 40 random bits: all-zero and all-one bytes give the first and last letters', () => {
    assert.equal(generateTrackingCode((b) => b.fill(0)), 'SIAP-0000-0000');
    assert.equal(generateTrackingCode((b) => b.fill(255)), 'SIAP-ZZZZ-ZZZZ');
  });
});
