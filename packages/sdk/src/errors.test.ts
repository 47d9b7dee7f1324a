import { describe, expect, it } from 'vitest';
import { apiErrorOf } from './errors.js';

describe('apiErrorOf', () => {
  it('reads code and message from the body', () => {
    const response = new Response(null, { status: 400 });
    const body = { error: { code: 'mfa_code_invalid', message: 'That code is not valid.' } };

    const error = apiErrorOf(response, body);

    expect(error.status).toBe(400);
    expect(error.code).toBe('mfa_code_invalid');
    expect(error.message).toBe('That code is not valid.');
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it('reads Retry-After of a 429', () => {
    const response = new Response(null, { status: 429, headers: { 'retry-after': '900' } });
    const body = { error: { code: 'mfa_locked', message: 'Try again later.' } };

    expect(apiErrorOf(response, body).retryAfterSeconds).toBe(900);
  });

  it('names a body without error shape', () => {
    const response = new Response(null, { status: 502 });

    const error = apiErrorOf(response, '<html>Bad gateway</html>');

    expect(error.status).toBe(502);
    expect(error.code).toBe('unexpected_response');
    expect(error.message).toContain('HTTP 502');
  });
});
