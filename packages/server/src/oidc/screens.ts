import type { FastifyReply } from 'fastify';
import { minPasswordLength } from '../crypto/passwords.js';
import type { PortcullisError } from '../http/errors.js';
import { type Locale, translate } from '../i18n/index.js';
import type { Enrolment } from '../mfa/service.js';
import type { AppRow } from '../storage/apps.js';
import { renderEnrolStep, renderMfaStep, renderSignIn, renderSignUp } from './pages.js';

/** One hosted login interaction as the pages see it. */
export interface Screen {
  uid: string;
  app: AppRow;
  locale: Locale;
  signupOpen: boolean;
}

const messageOf = (screen: Screen, error?: PortcullisError) =>
  error && translate(screen.locale, error.messageKey, error.values);

function sendPage(reply: FastifyReply, html: string, error?: PortcullisError) {
  if (error?.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply
    .code(error ? error.status : 200)
    .type('text/html')
    .send(html);
}

const common = (reply: FastifyReply, screen: Screen, error?: PortcullisError) => ({
  locale: screen.locale,
  appName: screen.app.name,
  csrfToken: reply.generateCsrf(),
  error: messageOf(screen, error),
});

export function showSignIn(
  reply: FastifyReply,
  screen: Screen,
  error?: PortcullisError,
  email?: string,
) {
  const base = `/interaction/${screen.uid}`;
  const html = renderSignIn({
    ...common(reply, screen, error),
    action: `${base}/login`,
    email,
    signUpUrl: screen.signupOpen ? `${base}?screen=signup` : undefined,
  });
  return sendPage(reply, html, error);
}

export function showSignUp(
  reply: FastifyReply,
  screen: Screen,
  error?: PortcullisError,
  email?: string,
) {
  const base = `/interaction/${screen.uid}`;
  const html = renderSignUp({
    ...common(reply, screen, error),
    action: `${base}/signup`,
    email,
    signInUrl: `${base}?screen=signin`,
    minPasswordLength,
  });
  return sendPage(reply, html, error);
}

const rememberOffer = (screen: Screen) => ({
  mode: screen.app.remember_mode,
  days: screen.app.remember_days,
});

export function showMfaStep(reply: FastifyReply, screen: Screen, error?: PortcullisError) {
  const base = `/interaction/${screen.uid}`;
  const html = renderMfaStep({
    ...common(reply, screen, error),
    action: `${base}/mfa`,
    startOverUrl: `${base}/restart`,
    remember: rememberOffer(screen),
  });
  return sendPage(reply, html, error);
}

export function showEnrolStep(
  reply: FastifyReply,
  screen: Screen,
  enrolment: Enrolment,
  error?: PortcullisError,
) {
  const base = `/interaction/${screen.uid}`;
  const html = renderEnrolStep({
    ...common(reply, screen, error),
    action: `${base}/mfa`,
    startOverUrl: `${base}/restart`,
    remember: rememberOffer(screen),
    qrCode: enrolment.qrCode,
    secret: enrolment.secret,
  });
  return sendPage(reply, html, error);
}
