import type { MessageKey } from '../i18n/index.js';

/** Every error code a client can see, with its HTTP status. */
export const errorStatus = {
  invalid_request: 400,
  mfa_code_invalid: 400,
  mfa_code_used: 400,
  mfa_enrolment_expired: 400,
  password_too_short: 400,
  password_too_long: 400,
  challenge_ended: 400,
  password_invalid: 400,
  interaction_expired: 400,
  invalid_credentials: 401,
  invalid_api_key: 401,
  invalid_access_token: 401,
  unauthenticated: 401,
  csrf_invalid: 403,
  step_up_required: 403,
  signup_closed: 403,
  not_found: 404,
  email_taken: 409,
  mfa_not_enrolled: 409,
  mfa_last_authenticator_required: 409,
  mfa_locked: 429,
  sign_in_locked: 429,
  rate_limited: 429,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/**
 * An error the client may see: a stable code, its status, and values for the catalogue message.
 * Values must never hold a secret, code, password or token: they reach the response.
 */
export class PortcullisError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly values: Record<string, string | number> = {},
    /** Seconds after which a retry may succeed, sent as Retry-After on 429 responses. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'PortcullisError';
    this.status = errorStatus[code];
  }

  get messageKey(): MessageKey {
    return `error.${this.code}` as MessageKey;
  }
}

/** Builds a 429 error whose message and Retry-After both come from the lock's end. */
export function lockedError(
  code: 'mfa_locked' | 'sign_in_locked',
  lockedUntil: number,
  now: number,
) {
  const seconds = Math.max(1, Math.ceil((lockedUntil - now) / 1000));
  return new PortcullisError(code, { minutes: Math.ceil(seconds / 60) }, seconds);
}
