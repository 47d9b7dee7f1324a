import type { FastifyReply, FastifyRequest } from 'fastify';
import { PortcullisApiError } from '@portcullis/sdk';
import { messagePage } from './pages.js';
import { PortcullisUnreachableError, SignInExpiredError } from './portcullis.js';
import type { SessionStore } from './sessions.js';
import { FormExpiredError, pageOf, sendPage } from './web.js';

interface ErrorPage {
  status: number;
  title: string;
  message: string;
  /** Whether the local session ends, because its sign-in can no longer call the Auth API. */
  signsOut?: boolean;
}

/** Returns the page for an error that a route raised, or undefined for an unexpected one. */
function expectedErrorPage(error: unknown): ErrorPage | undefined {
  if (error instanceof FormExpiredError) {
    return {
      status: 403,
      title: 'Form expired',
      message: 'This form has expired. Reload the page and try again.',
    };
  }
  if (
    error instanceof SignInExpiredError ||
    (error instanceof PortcullisApiError && error.code === 'invalid_access_token')
  ) {
    return {
      status: 401,
      title: 'Sign in again',
      message: 'Your sign-in has expired. Sign in again to continue.',
      signsOut: true,
    };
  }
  if (error instanceof PortcullisUnreachableError) {
    return {
      status: 502,
      title: 'Sign-in is unavailable',
      message:
        `Acme Notes could not reach Portcullis at ${error.portcullisUrl}. ` +
        'Check that Portcullis is running and that PORTCULLIS_URL points at it.',
    };
  }
  return undefined;
}

const unexpectedErrorPage: ErrorPage = {
  status: 500,
  title: 'Something went wrong',
  message: 'Acme Notes could not complete the request. Try again in a moment.',
};

/** Builds the app's error handler, which renders every error as a page that explains what to do. */
export function createErrorHandler(sessions: SessionStore) {
  return async (error: Error, request: FastifyRequest, reply: FastifyReply) => {
    const expected = expectedErrorPage(error);
    if (expected === undefined || expected.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    }

    const errorPage = expected ?? unexpectedErrorPage;
    if (errorPage.signsOut) {
      sessions.end(request, reply);
    }
    const session = errorPage.signsOut ? undefined : sessions.find(request);
    const body = messagePage(errorPage.title, errorPage.message);
    return sendPage(reply, pageOf(session, errorPage.title, body), errorPage.status);
  };
}
