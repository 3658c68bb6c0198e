import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as z from 'zod/mini';
import {
  consultationCreate,
  consultationListQuery,
  consultationStatusInput,
  fieldErrorCodes,
  normalizeMobileNumber,
  normalizeTrackingCode,
  TRACKING_CODE_ALPHABET,
  TRACKING_CODE_PATTERN,
  toFieldErrors,
} from '../../src/schemas/index.js';

const question = {
  name: 'Siti Aminah',
  email: 'siti@contoh.id',
  category: 'aset-daerah',
  subject: 'Pengembalian aset',
  message: 'Bagaimana prosedur pengembalian aset daerah?',
  consent: true,
};

function fieldErrorsOf(input: unknown) {
  const result = consultationCreate.safeParse(input);
  assert.equal(result.success, false, 'expected the input to be rejected');
  return toFieldErrors(result.error!.issues);
}

describe('consultation question schema', () => {
  it('accepts a question with only an e-mail and normalizes it', () => {
    const parsed = consultationCreate.parse({ ...question, email: '  Siti@Contoh.ID ' });
    assert.equal(parsed.email, 'siti@contoh.id');
  });

  it('accepts a question with only a mobile number written the way people write it', () => {
    const { email: _email, ...rest } = question;
    for (const typed of ['0812-3456-7890', '0812 3456 7890', '+62 812 3456 7890', '6281234567890']) {
      assert.equal(consultationCreate.parse({ ...rest, phone: typed }).phone, '+6281234567890', typed);
    }
  });

  it('asks for an e-mail or a phone number when both are missing, at the e-mail field', () => {
    const { email: _email, ...rest } = question;
    const errors = fieldErrorsOf(rest);
    assert.deepEqual(errors.map((e) => [e.path, e.code]), [['email', 'required']]);
    assert.match(errors[0]!.message, /e-mail address or a mobile number/);
  });

  it('names every wrong field at once with a plain-language message', () => {
    const errors = fieldErrorsOf({ ...question, name: '   ', email: 'siti@', consent: false });
    assert.deepEqual(
      errors.map((e) => [e.path, e.code]),
      [
        ['name', 'required'],
        ['email', 'format'],
        ['consent', 'required'],
      ],
    );
    assert.equal(errors[1]!.message, 'Enter an e-mail address in the correct format, like nama@contoh.id');
  });

  it('rejects a landline or a foreign number as a mobile number', () => {
    for (const phone of ['0711 123456', '+1 555 123 4567', '0812']) {
      const errors = fieldErrorsOf({ ...question, phone });
      assert.deepEqual(errors.map((e) => [e.path, e.code]), [['phone', 'format']], phone);
    }
  });

  it('takes a question of exactly 5,000 characters and refuses 5,001', () => {
    assert.equal(consultationCreate.safeParse({ ...question, message: 'a'.repeat(5000) }).success, true);
    const errors = fieldErrorsOf({ ...question, message: 'a'.repeat(5001) });
    assert.deepEqual(errors.map((e) => [e.path, e.code]), [['message', 'tooLong']]);
  });

  it('says each required field is required when the body is empty', () => {
    const errors = fieldErrorsOf({});
    assert.deepEqual(
      errors.map((e) => e.path).sort(),
      ['category', 'consent', 'email', 'message', 'name', 'subject'],
    );
    assert.ok(errors.every((e) => e.code === 'required'));
    assert.ok(errors.every((e) => e.message !== 'Invalid input'), 'every message is specific');
  });
});

describe('validation messages say what is allowed', () => {
  const errorsOf = (schema: z.ZodMiniType, input: unknown, reportInput = false) => {
    const result = schema.safeParse(input, reportInput ? { reportInput: true } : undefined);
    assert.equal(result.success, false, 'expected the input to be rejected');
    return toFieldErrors(result.error!.issues).map((e) => [e.path, e.code, e.message]);
  };

  it('names the allowed values of a wrong enum value, with code notAllowed', () => {
    const allowed = 'Use one of: received, in_progress, answered, closed';
    assert.deepEqual(errorsOf(consultationStatusInput, { status: 'lost' }), [['status', 'notAllowed', allowed]]);
    assert.deepEqual(errorsOf(consultationStatusInput, { status: 'lost' }, true), [['status', 'notAllowed', allowed]]);
    assert.deepEqual(errorsOf(consultationListQuery, { overdue: 'yes' }), [['overdue', 'notAllowed', 'Use one of: true, false']]);
  });

  it('tells a missing enum value from a wrong one when the input is reported', () => {
    assert.deepEqual(errorsOf(consultationStatusInput, {}, true), [
      ['status', 'required', 'Choose one of: received, in_progress, answered, closed'],
    ]);
  });

  it('gives a page size out of range tooLarge or tooSmall, and says the range', () => {
    const range = 'Use a number from 1 to 100';
    assert.deepEqual(errorsOf(consultationListQuery, { limit: '1000' }), [['limit', 'tooLarge', range]]);
    assert.deepEqual(errorsOf(consultationListQuery, { limit: '0' }), [['limit', 'tooSmall', range]]);
    assert.deepEqual(errorsOf(consultationListQuery, { limit: 'abc' }), [['limit', 'invalid', range]]);
    assert.deepEqual(errorsOf(consultationListQuery, { limit: '2.5' }), [['limit', 'invalid', range]]);
  });

  it('words a too-long text without a message of its own by its limit', () => {
    assert.deepEqual(errorsOf(consultationListQuery, { cursor: 'c'.repeat(201) }), [
      ['cursor', 'tooLong', 'Use 200 characters or fewer'],
    ]);
  });

  it('never says only "Invalid input", and uses only the listed codes', () => {
    const cases: Array<[z.ZodMiniType, unknown]> = [
      [consultationStatusInput, { status: 'lost', note: 42 }],
      [consultationStatusInput, 'not an object'],
      [consultationListQuery, { limit: '-1', status: 'x', cursor: 'c'.repeat(201) }],
      [consultationCreate, { ...question, consent: 'yes', email: 7 }],
    ];
    for (const [schema, input] of cases) {
      for (const [, code, message] of errorsOf(schema, input)) {
        assert.notEqual(message, 'Invalid input', JSON.stringify(input));
        assert.ok((fieldErrorCodes as readonly string[]).includes(code!), `${code} is a listed code`);
      }
    }
  });

  it('names the missing body of a question instead of failing on it', () => {
    for (const input of [undefined, null]) {
      assert.deepEqual(errorsOf(consultationCreate, input, true), [['', 'required', 'The request body is missing: send an object']]);
    }
    assert.deepEqual(errorsOf(consultationCreate, ['a list'], true), [['', 'invalid', 'Send the body as an object']]);
  });
});

describe('tracking codes', () => {
  it('uses a 32-symbol alphabet without I, L, O or U, so 8 symbols carry 40 bits', () => {
    assert.equal(new Set(TRACKING_CODE_ALPHABET).size, 32);
    assert.doesNotMatch(TRACKING_CODE_ALPHABET, /[ILOU]/);
    assert.ok(8 * Math.log2(TRACKING_CODE_ALPHABET.length) >= 40);
  });

  it('reads a code typed in lower case, with spaces or look-alike letters', () => {
    assert.equal(normalizeTrackingCode('siap 7k3f 9qx2'), 'SIAP-7K3F-9QX2');
    assert.equal(normalizeTrackingCode('7K3F9QX2'), 'SIAP-7K3F-9QX2');
    assert.equal(normalizeTrackingCode('SIAP-7KOF-9QXl'), 'SIAP-7K0F-9QX1');
    // As phone keyboards, IMEs and chat apps hand it over.
    for (const typed of [
      'SIAP\u20137K3F\u20139QX2', // en dashes (smart punctuation)
      'SIAP\u20147K3F\u20149QX2', // em dashes
      'SIAP\u22127K3F\u22129QX2', // minus signs
      'SIAP\u20117K3F\u20119QX2', // non-breaking hyphens
      '\uff33\uff29\uff21\uff30\uff0d\uff17\uff2b\uff13\uff26\uff0d\uff19\uff31\uff38\uff12', // full width
      'SIAP-\u200b7K3F-9QX2', // a zero-width space
      'SIAP\u00ad7K3F-9QX2', // a soft hyphen
      '\u201cSIAP-7K3F-9QX2\u201d', // curly quotes
      'SIAP-7K3F-9QX2,', // a trailing comma
    ]) {
      assert.equal(normalizeTrackingCode(typed), 'SIAP-7K3F-9QX2', JSON.stringify(typed));
    }
    assert.equal(normalizeTrackingCode('SIAP-7K3F-9QX2 terima kasih'), 'SIAP-7K3F-9QX2 terima kasih', 'extra words are not a code');
    assert.match(normalizeTrackingCode('siap-7k3f-9qx2'), TRACKING_CODE_PATTERN);
  });

  it('leaves something that is no tracking code as it was, so validation can name it', () => {
    assert.equal(normalizeTrackingCode(' hello '), 'hello');
    assert.doesNotMatch(normalizeTrackingCode('SIAP-1234'), TRACKING_CODE_PATTERN);
  });
});

describe('mobile numbers', () => {
  it('keeps a number it cannot read as typed, minus separators', () => {
    assert.equal(normalizeMobileNumber('(0711) 123-456'), '0711123456');
  });
});
