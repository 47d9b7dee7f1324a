import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SafeHtml } from './html.js';
import { layout } from './pages.js';
import {
  isValidCsrfToken,
  type Session,
  type SessionStore,
  type SignedInUser,
} from './sessions.js';

// Helpers the route modules share: sending pages, reading forms, and the checks of signed-in
// pages and their forms.

/** Thrown by a form handler when the form's CSRF token does not match the session's. */
export class FormExpiredError extends Error {
  constructor() {
    super('The form did not carry the CSRF token of this session.');
    this.name = 'FormExpiredError';
  }
}

export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  // Pages show personal data and, during enrolment, a TOTP secret: no cache may keep them.
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page.value);
}

/** Renders a page in the layout, with the session's one-time notice if it has one. */
export function pageOf(
  session: Session | undefined,
  title: string,
  body: SafeHtml,
  error?: string,
): SafeHtml {
  const notice = session?.notice;
  if (session) session.notice = undefined;
  const signedIn = session?.user
    ? { email: session.user.email, csrfToken: session.csrfToken }
    : undefined;
  return layout({ title, signedIn, notice, error, body });
}

/** Returns a text field of a urlencoded form body, or an empty string when it is absent. */
export function formField(request: FastifyRequest, name: string): string {
  const body = request.body as Record<string, unknown> | undefined;
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
}

export interface SignedInRequest {
  session: Session;
  user: SignedInUser;
}

/**
 * Returns the signed-in session of a request, or sends the browser to sign in and returns
 * undefined. For POST requests it also checks the form's CSRF token.
 */
export function requireSignedIn(
  sessions: SessionStore,
  request: FastifyRequest,
  reply: FastifyReply,
): SignedInRequest | undefined {
  const session = sessions.find(request);
  if (session?.user === undefined) {
    void reply.redirect('/login', 303);
    return undefined;
  }
  if (request.method === 'POST' && !isValidCsrfToken(session, formField(request, '_csrf'))) {
    throw new FormExpiredError();
  }
  return { session, user: session.user };
}
