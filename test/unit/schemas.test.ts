import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  consultationCreate,
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
