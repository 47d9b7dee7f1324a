import type { Messages } from '../messages';

/** An error response of the console API, whose message is a sentence written for the person. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request got no response, because the network is down or the server is unreachable. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** The response did not have the documented shape. Its message is for developers only. */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError';
}

/** Returns the sentence to show for an error raised by a console API call. */
export function describeError(error: unknown, messages: Messages): string {
  if (error instanceof ApiError && error.message !== '') {
    return error.message;
  }
  if (error instanceof NetworkError) {
    return messages.networkError;
  }
  console.error(error);
  return messages.unexpectedResponse;
}
