/**
 * An error response of the Auth API. `code` is the stable error code of the response body, such
 * as `mfa_code_invalid` or `invalid_access_token`, and `message` explains what to do next.
 *
 * @example
 * try {
 *   await portcullis.confirmTotpEnrolment(userId, accessToken, code);
 * } catch (error) {
 *   if (error instanceof PortcullisApiError && error.code === 'mfa_code_invalid') {
 *     // ask the user for a new code
 *   }
 * }
 */
export class PortcullisApiError extends Error {
  override readonly name = 'PortcullisApiError';

  constructor(
    /** HTTP status of the response. */
    readonly status: number,
    /** Stable error code from the response body, or `unexpected_response` when it had none. */
    readonly code: string,
    message: string,
    /** Seconds from the Retry-After header of a 429 response, when it carried one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error: { code: string; message: string };
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return false;
  }
  const { error } = body;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/** Builds the error for a failed response from its status, headers and parsed body. */
export function apiErrorOf(response: Response, body: unknown): PortcullisApiError {
  const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  const retryAfterSeconds = Number.isNaN(retryAfter) ? undefined : retryAfter;

  if (isErrorBody(body)) {
    return new PortcullisApiError(
      response.status,
      body.error.code,
      body.error.message,
      retryAfterSeconds,
    );
  }
  // A proxy in front of Portcullis may return its own page instead of the JSON error body.
  return new PortcullisApiError(
    response.status,
    'unexpected_response',
    `The Auth API returned HTTP ${response.status} without an error body. ` +
      'Check that the base URL points at Portcullis.',
    retryAfterSeconds,
  );
}
