import type {} from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { z } from 'zod';
import type { AccountService } from '../accounts/service.js';
import type { AuditService } from '../audit/service.js';
import { auditContextOf } from '../http/context.js';
import { toPortcullisError } from '../http/error-handler.js';
import { PortcullisError } from '../http/errors.js';
import { chooseLocale, translate } from '../i18n/index.js';
import type { MfaChallengeService } from '../mfa/challenges.js';
import type { MfaService } from '../mfa/service.js';
import type { TrustedDeviceService } from '../mfa/trusted-devices.js';
import type { AppRow } from '../storage/apps.js';
import type { Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/users.js';
import { renderMessagePage } from './pages.js';
import { type SignInMethod, signInProof } from './sign-in-proof.js';
import { type Screen, showEnrolStep, showMfaStep, showSignIn, showSignUp } from './screens.js';

export interface InteractionDependencies {
  provider: Provider;
  repositories: Repositories;
  accounts: AccountService;
  mfa: MfaService;
  challenges: MfaChallengeService;
  trustedDevices: TrustedDeviceService;
  audit: AuditService;
  /** Whether the console app lets anyone create an account. */
  consoleSignupOpen: boolean;
}

const uidParams = z.object({ uid: z.string().min(1).max(100) });
const credentialsBody = z.object({
  email: z.string().max(254).default(''),
  password: z.string().max(1024).default(''),
});
const codeBody = z.object({
  code: z.string().max(32).default(''),
  remember: z.literal('yes').optional(),
});

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

/** Name of the authenticator a forced enrolment on the hosted page creates. */
const hostedEnrolmentName = 'Authenticator app';

/** Registers the hosted login pages: email and password, sign-up, then the MFA code or enrolment step. */
export async function interactionRoutes(app: FastifyInstance, deps: InteractionDependencies) {
  const { provider, repositories } = deps;

  async function loadScreen(request: FastifyRequest, reply: FastifyReply) {
    const { uid } = uidParams.parse(request.params);
    let details: Details;
    try {
      details = await provider.interactionDetails(request.raw, reply.raw);
    } catch {
      throw new PortcullisError('interaction_expired');
    }
    if (details.uid !== uid) throw new PortcullisError('interaction_expired');

    const appRow = await repositories.apps.findByClientId(String(details.params.client_id ?? ''));
    if (!appRow) throw new PortcullisError('interaction_expired');
    const screen: Screen = {
      uid,
      app: appRow,
      locale: chooseLocale(
        details.params.ui_locales as string | undefined,
        request.headers['accept-language'],
      ),
      signupOpen: appRow.id === 'console' ? deps.consoleSignupOpen : appRow.signup_enabled === 1,
    };
    return { screen, details };
  }

  /** Ends the interaction with a signed-in user and sends the browser back to the provider. */
  async function finishSignIn(
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserRow,
    method: SignInMethod,
  ) {
    const { amr, acr } = signInProof(method);
    await deps.audit.record(auditContextOf(request, `user:${user.id}`), {
      event: 'sign_in.succeeded',
      appId: user.app_id,
      userId: user.id,
      detail: { amr: amr.join(' '), trustedDevice: method === 'trusted-device' },
    });
    const redirectTo = await provider.interactionResult(
      request.raw,
      reply.raw,
      { login: { accountId: user.id, amr, acr, remember: true } },
      { mergeWithLastSubmission: false },
    );
    return reply.code(303).redirect(redirectTo);
  }

  /**
   * After a valid password: the code step for a user with an authenticator, a forced enrolment
   * under the Required MFA policy, or else the end of sign-in.
   */
  async function continueAfterPassword(
    request: FastifyRequest,
    reply: FastifyReply,
    screen: Screen,
    appRow: AppRow,
    user: UserRow,
  ) {
    const enabled = (await repositories.authenticators.countConfirmed(user.id)) > 0;
    const context = auditContextOf(request, `user:${user.id}`);
    if (enabled && (await deps.trustedDevices.useTrust(context, request, reply, appRow, user))) {
      return finishSignIn(request, reply, user, 'trusted-device');
    }
    if (enabled) {
      await deps.challenges.open(screen.uid, user);
      return reply.code(303).redirect(`/interaction/${screen.uid}`);
    }
    if (appRow.mfa_policy === 'on') {
      const enrolment = await deps.mfa.startEnrolment(context, appRow, user, hostedEnrolmentName);
      await deps.challenges.open(screen.uid, user, enrolment.id);
      return reply.code(303).redirect(`/interaction/${screen.uid}`);
    }
    return finishSignIn(request, reply, user, 'password');
  }

  app.setErrorHandler(async (error, request, reply) => {
    const locale = chooseLocale(request.headers['accept-language']);
    const known = toPortcullisError(error);
    if (!known) request.log.error({ err: error }, 'hosted login page failed');
    const reported = known ?? new PortcullisError('internal_error');
    const html = renderMessagePage(
      { locale, appName: 'Portcullis' },
      translate(locale, 'page.error.title'),
      translate(locale, reported.messageKey, reported.values),
    );
    return reply.code(reported.status).type('text/html').send(html);
  });

  /**
   * Answers a consent prompt without a page: an app registered in the console may have the
   * scopes it requests. Apps reach this with prompt=consent, which OpenID Connect requires for
   * offline_access (a refresh token).
   */
  async function grantConsent(request: FastifyRequest, reply: FastifyReply, details: Details) {
    const accountId = details.session?.accountId;
    const clientId = String(details.params.client_id ?? '');
    if (!accountId) throw new PortcullisError('interaction_expired');

    const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const grant = existing ?? new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    const redirectTo = await provider.interactionResult(
      request.raw,
      reply.raw,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
    return reply.code(303).redirect(redirectTo);
  }

  app.get('/interaction/:uid', async (request, reply) => {
    const { screen, details } = await loadScreen(request, reply);
    if (details.prompt.name === 'consent') return grantConsent(request, reply, details);

    const pending = await deps.challenges.pending(screen.uid);
    const user = pending ? await repositories.users.findById(pending.userId) : undefined;
    if (pending && user && pending.authenticatorId) {
      const enrolment = await deps.mfa.pendingEnrolment(user, screen.app, pending.authenticatorId);
      if (enrolment) return showEnrolStep(reply, screen, enrolment);
      await repositories.mfaChallenges.deleteForInteraction(screen.uid);
      return showSignIn(reply, screen, new PortcullisError('mfa_enrolment_expired'), user.email);
    }
    if (pending && user) return showMfaStep(reply, screen);

    const requestedScreen = (request.query as { screen?: string }).screen ?? details.params.screen;
    if (requestedScreen === 'signup' && screen.signupOpen) return showSignUp(reply, screen);
    return showSignIn(reply, screen, undefined, details.params.login_hint as string | undefined);
  });

  const csrf = { preHandler: app.csrfProtection };

  app.post('/interaction/:uid/login', csrf, async (request, reply) => {
    const { screen } = await loadScreen(request, reply);
    const { email, password } = credentialsBody.parse(request.body ?? {});

    let user: UserRow;
    try {
      const context = auditContextOf(request, 'anonymous');
      user = await deps.accounts.authenticate(context, screen.app, email, password);
    } catch (error) {
      if (error instanceof PortcullisError) return showSignIn(reply, screen, error, email);
      throw error;
    }
    return continueAfterPassword(request, reply, screen, screen.app, user);
  });

  app.post('/interaction/:uid/signup', csrf, async (request, reply) => {
    const { screen } = await loadScreen(request, reply);
    const { email, password } = credentialsBody.parse(request.body ?? {});
    if (!screen.signupOpen) {
      return showSignIn(reply, screen, new PortcullisError('signup_closed'), email);
    }

    let user: UserRow;
    try {
      const context = auditContextOf(request, 'anonymous');
      user = await deps.accounts.signUp(context, screen.app, email, password);
    } catch (error) {
      if (error instanceof PortcullisError) return showSignUp(reply, screen, error, email);
      throw error;
    }
    return continueAfterPassword(request, reply, screen, screen.app, user);
  });

  app.post('/interaction/:uid/mfa', csrf, async (request, reply) => {
    const { screen } = await loadScreen(request, reply);
    const { code, remember } = codeBody.parse(request.body ?? {});
    const pending = await deps.challenges.pending(screen.uid);
    const user = pending ? await repositories.users.findById(pending.userId) : undefined;
    if (!pending || !user) return showSignIn(reply, screen, new PortcullisError('challenge_ended'));

    const context = auditContextOf(request, `user:${user.id}`);
    try {
      await deps.challenges.pass(context, screen.uid, user, code);
    } catch (error) {
      if (!(error instanceof PortcullisError)) throw error;
      if (error.code === 'challenge_ended') return showSignIn(reply, screen, error, user.email);
      if (!pending.authenticatorId) return showMfaStep(reply, screen, error);

      const enrolment = await deps.mfa.pendingEnrolment(user, screen.app, pending.authenticatorId);
      if (!enrolment) return showSignIn(reply, screen, error, user.email);
      return showEnrolStep(reply, screen, enrolment, error);
    }

    const mode = screen.app.remember_mode;
    if (mode === 'always' || (mode === 'userOptIn' && remember === 'yes')) {
      await deps.trustedDevices.remember(context, reply, screen.app, user);
    }
    return finishSignIn(request, reply, user, 'mfa');
  });

  app.get('/interaction/:uid/restart', async (request, reply) => {
    const { screen } = await loadScreen(request, reply);
    await repositories.mfaChallenges.deleteForInteraction(screen.uid);
    return reply.code(303).redirect(`/interaction/${screen.uid}`);
  });
}
