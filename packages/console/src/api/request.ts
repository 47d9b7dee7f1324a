import { ApiError, NetworkError, UnexpectedResponseError } from './errors';
import { parseErrorBody } from './parse';

// The HTTP layer of the console API. Calls are same-origin fetches with the session cookie and
// JSON bodies, and error bodies become ApiError.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sends one call of a signed-in session and returns its parsed JSON body (null for 204). */
export type ApiCall = (method: Method, path: string, body?: object) => Promise<unknown>;

/** A state-changing call: it carries the session's CSRF token and a JSON body (at least `{}`). */
interface Mutation {
  csrfToken: string;
  body: object;
}

export async function send(method: Method, path: string, mutation?: Mutation): Promise<Response> {
  const headers = new Headers({ accept: 'application/json' });
  if (mutation !== undefined) {
    headers.set('content-type', 'application/json');
    headers.set('x-csrf-token', mutation.csrfToken);
  }

  try {
    return await fetch(path, {
      method,
      headers,
      body: mutation === undefined ? undefined : JSON.stringify(mutation.body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    throw new NetworkError(`${method} ${path} failed`, { cause: error });
  }
}

/** Returns the parsed JSON of a successful response (null for 204), or raises its error. */
export async function readBody(response: Response): Promise<unknown> {
  if (!response.ok) {
    const error = parseErrorBody(await readJson(response).catch(() => null));
    if (error === null) {
      throw new UnexpectedResponseError(`HTTP ${String(response.status)} without an error body`);
    }
    throw new ApiError(response.status, error.code, error.message);
  }
  if (response.status === 204) {
    return null;
  }
  return readJson(response);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    throw new UnexpectedResponseError(`HTTP ${String(response.status)} body is not JSON`, {
      cause: error,
    });
  }
}
