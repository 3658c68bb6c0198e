import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TRACKING_CODE_PATTERN, normalizeTrackingCode } from '../../src/schemas/index.js';
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
