import { ApiError } from '../api/errors';

// Error codes that reject the step-up itself, so the typed code or password is cleared. The server
// rejects a code that was already accepted once (mfa_code_used), locks MFA after repeated wrong
// codes (mfa_locked), and locks password checks after repeated wrong passwords (sign_in_locked).
const stepUpErrorCodes = new Set([
  'step_up_required',
  'mfa_code_invalid',
  'mfa_code_used',
  'password_invalid',
  'mfa_locked',
  'sign_in_locked',
]);

/** Returns whether an error rejected the step-up itself, rather than the change it confirmed. */
export function isStepUpRejection(error: unknown): error is ApiError {
  return error instanceof ApiError && stepUpErrorCodes.has(error.code);
}
