import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type {} from '@fastify/csrf-protection';
import { z } from 'zod';
import type { AccountService } from '../accounts/service.js';
import type { AuditService } from '../audit/service.js';
import { minPasswordLength } from '../crypto/passwords.js';
import { auditContextOf } from '../http/context.js';
import { PortcullisError } from '../http/errors.js';
import { chooseLocale, type Locale, translate } from '../i18n/index.js';
import type { MfaChallengeService } from '../mfa/challenges.js';
import type { AppRow } from '../storage/apps.js';
import type { Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/users.js';
import { renderMessagePage, renderMfaStep, renderSignIn, renderSignUp } from './pages.js';

export interface InteractionDependencies {
  provider: Provider;
  repositories: Repositories;
  accounts: AccountService;
  challenges: MfaChallengeService;
  audit: AuditService;
  /** Whether the console app lets anyone create an account. */
  consoleSignupOpen: boolean;
}

const uidParams = z.object({ uid: z.string().min(1).max(100) });
const credentialsBody = z.object({
  email: z.string().max(254).default(''),
  password: z.string().max(1024).default(''),
});
const codeBody = z.object({ code: z.string().max(32).default('') });

type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

interface Screen {
  uid: string;
  details: InteractionDetails;
  app: AppRow;
  locale: Locale;
}

/** The hosted login pages: email and password, sign-up, then the MFA code step. */
export async function interactionRoutes(app: FastifyInstance, deps: InteractionDependencies) {
  const { provider, repositories } = deps;

  async function loadScreen(request: FastifyRequest, reply: FastifyReply): Promise<Screen> {
    const { uid } = uidParams.parse(request.params);
    let details: InteractionDetails;
    try {
      details = await provider.interactionDetails(request.raw, reply.raw);
    } catch {
      throw new PortcullisError('interaction_expired');
    }
    if (details.uid !== uid) throw new PortcullisError('interaction_expired');

    const clientId = String(details.params.client_id ?? '');
    const appRow = await repositories.apps.findByClientId(clientId);
    if (!appRow) throw new PortcullisError('interaction_expired');
    const locale = chooseLocale(
      details.params.ui_locales as string | undefined,
      request.headers['accept-language'],
    );
    return { uid, details, app: appRow, locale };
  }

  const signupOpen = (appRow: AppRow) =>
    appRow.id === 'console' ? deps.consoleSignupOpen : appRow.signup_enabled === 1;

  const messageOf = (locale: Locale, error: PortcullisError) =>
    translate(locale, error.messageKey, error.values);

  function showSignIn(
    reply: FastifyReply,
    screen: Screen,
    error?: PortcullisError,
    email?: string,
  ) {
    const base = `/interaction/${screen.uid}`;
    return reply
      .code(error ? error.status : 200)
      .type('text/html')
      .send(
        renderSignIn({
          locale: screen.locale,
          appName: screen.app.name,
          action: `${base}/login`,
          csrfToken: reply.generateCsrf(),
          error: error && messageOf(screen.locale, error),
          email,
          signUpUrl: signupOpen(screen.app) ? `${base}?screen=signup` : undefined,
        }),
      );
  }

  function showSignUp(
    reply: FastifyReply,
    screen: Screen,
    error?: PortcullisError,
    email?: string,
  ) {
    const base = `/interaction/${screen.uid}`;
    return reply
      .code(error ? error.status : 200)
      .type('text/html')
      .send(
        renderSignUp({
          locale: screen.locale,
          appName: screen.app.name,
          action: `${base}/signup`,
          csrfToken: reply.generateCsrf(),
          error: error && messageOf(screen.locale, error),
          email,
          signInUrl: `${base}?screen=signin`,
          minPasswordLength,
        }),
      );
  }

  function showMfaStep(reply: FastifyReply, screen: Screen, error?: PortcullisError) {
    const base = `/interaction/${screen.uid}`;
    if (error?.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
    return reply
      .code(error ? error.status : 200)
      .type('text/html')
      .send(
        renderMfaStep({
          locale: screen.locale,
          appName: screen.app.name,
          action: `${base}/mfa`,
          csrfToken: reply.generateCsrf(),
          error: error && messageOf(screen.locale, error),
          startOverUrl: `${base}/restart`,
        }),
      );
  }

  /** Ends the interaction with a signed-in user and sends the browser back to the provider. */
  async function finishSignIn(
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserRow,
    amr: string[],
  ) {
    await deps.audit.record(auditContextOf(request, `user:${user.id}`), {
      event: 'sign_in.succeeded',
      appId: user.app_id,
      userId: user.id,
      detail: { amr: amr.join(' ') },
    });
    const redirectTo = await provider.interactionResult(
      request.raw,
      reply.raw,
      { login: { accountId: user.id, amr, remember: true } },
      { mergeWithLastSubmission: false },
    );
    return reply.code(303).redirect(redirectTo);
  }

  async function hasAuthenticator(user: UserRow) {
    return (await repositories.authenticators.countConfirmed(user.id)) > 0;
  }

  app.setErrorHandler(async (error, request, reply) => {
    const locale = chooseLocale(request.headers['accept-language']);
    const known =
      error instanceof PortcullisError
        ? error
        : (error as { code?: string }).code?.startsWith('FST_CSRF')
          ? new PortcullisError('csrf_invalid')
          : error instanceof z.ZodError
            ? new PortcullisError('invalid_request', {
                detail: 'a form field is missing or too long',
              })
            : undefined;
    if (!known) request.log.error({ err: error }, 'hosted login page failed');
    const shown = known ?? new PortcullisError('internal_error');
    return reply
      .code(shown.status)
      .type('text/html')
      .send(
        renderMessagePage(
          { locale, appName: 'Portcullis' },
          translate(locale, 'page.error.title'),
          translate(locale, shown.messageKey, shown.values),
        ),
      );
  });

  app.get('/interaction/:uid', async (request, reply) => {
    const screen = await loadScreen(request, reply);
    const pendingUserId = await deps.challenges.pendingUserId(screen.uid);
    if (pendingUserId) return showMfaStep(reply, screen);

    const query = request.query as { screen?: string };
    const wanted = query.screen ?? screen.details.params.screen;
    if (wanted === 'signup' && signupOpen(screen.app)) return showSignUp(reply, screen);
    return showSignIn(
      reply,
      screen,
      undefined,
      screen.details.params.login_hint as string | undefined,
    );
  });

  app.post(
    '/interaction/:uid/login',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const screen = await loadScreen(request, reply);
      const { email, password } = credentialsBody.parse(request.body ?? {});
      const context = auditContextOf(request, 'anonymous');

      let user: UserRow;
      try {
        user = await deps.accounts.authenticate(context, screen.app, email, password);
      } catch (error) {
        if (error instanceof PortcullisError) return showSignIn(reply, screen, error, email);
        throw error;
      }

      if (await hasAuthenticator(user)) {
        await deps.challenges.open(screen.uid, user);
        return reply.code(303).redirect(`/interaction/${screen.uid}`);
      }
      return finishSignIn(request, reply, user, ['pwd']);
    },
  );

  app.post(
    '/interaction/:uid/signup',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const screen = await loadScreen(request, reply);
      const { email, password } = credentialsBody.parse(request.body ?? {});
      if (!signupOpen(screen.app))
        return showSignIn(reply, screen, new PortcullisError('signup_closed'), email);

      let user: UserRow;
      try {
        user = await deps.accounts.signUp(
          auditContextOf(request, 'anonymous'),
          screen.app,
          email,
          password,
        );
      } catch (error) {
        if (error instanceof PortcullisError) return showSignUp(reply, screen, error, email);
        throw error;
      }
      return finishSignIn(request, reply, user, ['pwd']);
    },
  );

  app.post('/interaction/:uid/mfa', { preHandler: app.csrfProtection }, async (request, reply) => {
    const screen = await loadScreen(request, reply);
    const { code } = codeBody.parse(request.body ?? {});
    const userId = await deps.challenges.pendingUserId(screen.uid);
    const user = userId ? await repositories.users.findById(userId) : undefined;
    if (!user) return showSignIn(reply, screen, new PortcullisError('challenge_ended'));

    try {
      await deps.challenges.pass(
        auditContextOf(request, `user:${user.id}`),
        screen.uid,
        user,
        code,
      );
    } catch (error) {
      if (!(error instanceof PortcullisError)) throw error;
      if (error.code === 'challenge_ended') return showSignIn(reply, screen, error, user.email);
      return showMfaStep(reply, screen, error);
    }
    return finishSignIn(request, reply, user, ['pwd', 'otp', 'mfa']);
  });

  app.get('/interaction/:uid/restart', async (request, reply) => {
    const screen = await loadScreen(request, reply);
    await repositories.mfaChallenges.deleteForInteraction(screen.uid);
    return reply.code(303).redirect(`/interaction/${screen.uid}`);
  });
}
