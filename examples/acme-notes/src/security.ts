import type { FastifyInstance, FastifyReply } from 'fastify';
import { PortcullisApiError } from '@portcullis/sdk';
import QRCode from 'qrcode';
import type { PortcullisConnection } from './portcullis.js';
import { securityPage } from './security-page.js';
import type { SessionStore } from './sessions.js';
import { formField, pageOf, requireSignedIn, sendPage, type SignedInRequest } from './web.js';

export interface SecurityDependencies {
  sessions: SessionStore;
  portcullis: PortcullisConnection;
}

/** Errors about the code the user typed, which the page shows above the form. */
const codeErrors = new Set([
  'invalid_request',
  'mfa_code_invalid',
  'mfa_code_used',
  'mfa_enrolment_expired',
  'mfa_locked',
]);

/**
 * Registers the Security page: MFA status and the current sign-in's `amr`, TOTP enrolment (QR
 * code, secret, first code) and turning MFA off with a current code. Every change goes through the
 * Auth API with the app's API key and the user's access token.
 */
export function securityRoutes(app: FastifyInstance, deps: SecurityDependencies): void {
  const { sessions, portcullis } = deps;

  async function showSecurity(
    reply: FastifyReply,
    { session, user }: SignedInRequest,
    error?: PortcullisApiError,
  ) {
    const { enabled } = await portcullis.api.getMfaPreference(user.userId);
    if (enabled) session.enrolment = undefined;
    const enrolment = session.enrolment && {
      secret: session.enrolment.secret,
      qrCodeDataUrl: await QRCode.toDataURL(session.enrolment.otpauthUri, {
        errorCorrectionLevel: 'M',
        margin: 2,
        width: 240,
      }),
    };

    const body = securityPage({
      csrfToken: session.csrfToken,
      amr: user.amr,
      mfaEnabled: enabled,
      enrolment,
    });
    return sendPage(reply, pageOf(session, 'Security', body, error?.message), error?.status);
  }

  /** Shows a rejected code on the page. Other errors go to the app's error handler. */
  async function showCodeError(reply: FastifyReply, signedIn: SignedInRequest, error: unknown) {
    if (!(error instanceof PortcullisApiError) || !codeErrors.has(error.code)) {
      throw error;
    }
    if (error.code === 'mfa_enrolment_expired') {
      signedIn.session.enrolment = undefined;
    }
    return showSecurity(reply, signedIn, error);
  }

  app.get('/security', async (request, reply) => {
    const signedIn = requireSignedIn(sessions, request, reply);
    if (signedIn === undefined) return reply;
    return showSecurity(reply, signedIn);
  });

  app.post('/security/mfa/start', async (request, reply) => {
    const signedIn = requireSignedIn(sessions, request, reply);
    if (signedIn === undefined) return reply;

    const accessToken = await portcullis.currentAccessToken(signedIn.user);
    const issued = await portcullis.api.startTotpEnrolment(signedIn.user.userId, accessToken);
    signedIn.session.enrolment = { secret: issued.secret_code, otpauthUri: issued.otpauth_uri };
    return reply.redirect('/security', 303);
  });

  app.post('/security/mfa/confirm', async (request, reply) => {
    const signedIn = requireSignedIn(sessions, request, reply);
    if (signedIn === undefined) return reply;

    const accessToken = await portcullis.currentAccessToken(signedIn.user);
    const code = formField(request, 'code').trim();
    try {
      await portcullis.api.confirmTotpEnrolment(signedIn.user.userId, accessToken, code);
    } catch (error) {
      return showCodeError(reply, signedIn, error);
    }
    signedIn.session.enrolment = undefined;
    signedIn.session.notice = 'MFA is on. From the next sign-in, Acme Notes asks for a code.';
    return reply.redirect('/security', 303);
  });

  app.post('/security/mfa/cancel', async (request, reply) => {
    const signedIn = requireSignedIn(sessions, request, reply);
    if (signedIn === undefined) return reply;

    signedIn.session.enrolment = undefined;
    return reply.redirect('/security', 303);
  });

  app.post('/security/mfa/disable', async (request, reply) => {
    const signedIn = requireSignedIn(sessions, request, reply);
    if (signedIn === undefined) return reply;

    const accessToken = await portcullis.currentAccessToken(signedIn.user);
    const code = formField(request, 'code').trim();
    try {
      await portcullis.api.disableMfa(signedIn.user.userId, accessToken, code);
    } catch (error) {
      return showCodeError(reply, signedIn, error);
    }
    signedIn.session.notice = 'MFA is off. Sign-in now asks only for your password.';
    return reply.redirect('/security', 303);
  });
}
