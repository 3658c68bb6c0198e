import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, NetworkError, RateLimitError, TimeoutError, ValidationError } from '../../src/index.js';
import { opdErrorCode, opdErrorDetail, readError } from '../../widgets/shared/error-detail.js';

describe('the opd-error detail a host page logs', () => {
  it('tells a switched-off module apart from a missing thing, though both are 404', () => {
    const disabled = new ApiError({ status: 404, code: 'module-disabled', title: 'Module not enabled' });
    const missing = new ApiError({ status: 404, code: 'not-found', title: 'Not found' });
    assert.equal(opdErrorCode(disabled), 'unavailable');
    assert.equal(opdErrorCode(missing), 'not-found');
  });

  it('names network, timeout, rate-limit and input failures by what the citizen met', () => {
    assert.equal(opdErrorCode(new NetworkError('offline')), 'network');
    assert.equal(opdErrorCode(new TimeoutError('slow')), 'timeout');
    assert.equal(opdErrorCode(new RateLimitError({ status: 429, code: 'rate-limited', title: 'Slow down', retryAfter: 30 })), 'rate-limited');
    assert.equal(opdErrorCode(new ValidationError([{ path: 'email', message: 'x', code: 'format' }])), 'validation');
    assert.equal(opdErrorCode(new ApiError({ status: 500, code: 'internal', title: 'Oops' })), 'server');
  });

  it('carries the request id to quote, and lets a widget override the code', () => {
    const error = new ApiError({ status: 500, code: 'internal', title: 'Oops', requestId: 'req-42' });
    assert.deepEqual(opdErrorDetail(error, 'submit'), { code: 'server', action: 'submit', requestId: 'req-42', error });
    assert.equal(opdErrorDetail(new NetworkError('x'), 'track', 'not-found').code, 'not-found');
    assert.equal('requestId' in opdErrorDetail(new NetworkError('x'), 'track'), false);
  });

  it('tells the citizen what to do: fix fields, wait, send again, or quote a report code', () => {
    const fields = [{ path: 'email', message: 'x', code: 'format' as const }];
    assert.deepEqual(readError(new ValidationError(fields)), { kind: 'fields', code: 'validation', fieldErrors: fields });
    assert.deepEqual(readError(new ApiError({ status: 422, code: 'validation', title: 'Invalid', fieldErrors: fields })), {
      kind: 'fields',
      code: 'validation',
      fieldErrors: fields,
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
    assert.deepEqual(readError(new ApiError({ status: 404, code: 'module-disabled', title: 'Off' })), { kind: 'unavailable', code: 'unavailable' });
    assert.deepEqual(readError(new TypeError('boom')), { kind: 'server', code: 'server', requestId: '' });
  });
});
