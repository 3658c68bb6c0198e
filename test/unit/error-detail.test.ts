import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, IdempotencyConflictError, NetworkError, RateLimitError, TimeoutError, ValidationError } from '../../src/index.js';
import { opdErrorDetail, readError } from '../../widgets/shared/error-detail.js';

describe('the opd-error detail a host page logs', () => {
  it('tells a switched-off module apart from a missing thing, though both are 404', () => {
    const disabled = new ApiError({ status: 404, code: 'module-disabled', title: 'Module not enabled' });
    const missing = new ApiError({ status: 404, code: 'not-found', title: 'Not found' });
    assert.equal(opdErrorDetail(disabled, 'submit').code, 'unavailable');
    assert.equal(opdErrorDetail(missing, 'track').code, 'not-found');
  });

  it('names network, timeout, rate-limit and input failures by what the citizen met', () => {
    assert.equal(opdErrorDetail(new NetworkError('offline'), 'submit').code, 'network');
    assert.equal(opdErrorDetail(new TimeoutError('slow'), 'submit').code, 'timeout');
    const limited = new RateLimitError({ status: 429, code: 'rate-limited', title: 'Slow down', retryAfter: 30 });
    assert.equal(opdErrorDetail(limited, 'submit').code, 'rate-limited');
    assert.equal(opdErrorDetail(new ValidationError([{ path: 'email', message: 'x', code: 'format' }]), 'submit').code, 'validation');
    assert.equal(opdErrorDetail(new ApiError({ status: 500, code: 'internal', title: 'Oops' }), 'submit').code, 'server');
  });

  it('carries the request id to quote, and lets a widget override the code', () => {
    const error = new ApiError({ status: 500, code: 'internal', title: 'Oops', requestId: 'req-42' });
    assert.deepEqual(opdErrorDetail(error, 'submit'), { code: 'server', action: 'submit', requestId: 'req-42', error });
    assert.equal(opdErrorDetail(new NetworkError('x'), 'track', 'not-found').code, 'not-found');
    assert.equal('requestId' in opdErrorDetail(new NetworkError('x'), 'track'), false);
  });

  it('tells the citizen what to do: fix fields, wait, send again, or quote a report code', () => {
    const fields = [{ path: 'email', message: 'x', code: 'format' as const }];
    // Refused by the SDK before sending, or by the server: the same field errors, told apart by `sent`.
    assert.deepEqual(readError(new ValidationError(fields)), { kind: 'fields', code: 'validation', fieldErrors: fields, sent: false });
    assert.deepEqual(readError(new ApiError({ status: 422, code: 'validation', title: 'Invalid', fieldErrors: fields })), {
      kind: 'fields',
      code: 'validation',
      fieldErrors: fields,
      sent: true,
    });
    assert.equal(readError(new TimeoutError('slow')).kind, 'offline');
    assert.deepEqual(readError(new RateLimitError({ status: 429, code: 'rate-limited', title: 'Slow down', retryAfter: 30 })), {
      kind: 'rate-limited',
      code: 'rate-limited',
      retryAfter: 30,
    });
    // A reused key with other content: the host page still logs a server problem, the citizen is told what happened.
    assert.deepEqual(readError(new ApiError({ status: 409, code: 'idempotency-conflict', title: 'Conflict', requestId: 'r1' })), {
      kind: 'conflict',
      code: 'server',
      requestId: 'r1',
    });
    const receipt = { trackingCode: 'SIAP-7K3F-9QX2', opd: 'bpkad' };
    assert.deepEqual(
      readError(new IdempotencyConflictError({ status: 422, code: 'idempotency-conflict', title: 'Conflict', requestId: 'r2', stored: receipt })),
      { kind: 'conflict', code: 'server', requestId: 'r2', stored: receipt },
      'what the key stored comes along, for the citizen to be shown',
    );
    assert.deepEqual(readError(new ApiError({ status: 404, code: 'module-disabled', title: 'Off' })), { kind: 'unavailable', code: 'unavailable' });
    // A 404 that is no problem document (the host's CMS answering for a missing `api`) is not "no such OPD".
    assert.deepEqual(readError(new ApiError({ status: 404, code: 'unknown', title: 'Not Found', requestId: 'r3' })), {
      kind: 'server',
      code: 'server',
      requestId: 'r3',
    });
    assert.deepEqual(readError(new TypeError('boom')), { kind: 'server', code: 'server', requestId: '' });
  });
});
