import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/errors';
import { isStepUpRejection } from './stepUpErrors';

describe('isStepUpRejection', () => {
  it.each([
    ['step_up_required', 403],
    ['mfa_code_invalid', 400],
    ['mfa_code_used', 400],
    ['password_invalid', 400],
    ['mfa_locked', 429],
    ['sign_in_locked', 429],
  ])('%s rejects the step-up', (code, status) => {
    expect(isStepUpRejection(new ApiError(status, code, 'rejected'))).toBe(true);
  });

  it('errors of the change are not step-up rejections', () => {
    expect(isStepUpRejection(new ApiError(400, 'invalid_request', 'bad URL'))).toBe(false);
    expect(isStepUpRejection(new ApiError(404, 'not_found', 'no app'))).toBe(false);
  });

  it('errors without a response are not step-up rejections', () => {
    expect(isStepUpRejection(new NetworkError('POST failed'))).toBe(false);
    expect(isStepUpRejection(new Error('mfa_code_invalid'))).toBe(false);
  });
});
