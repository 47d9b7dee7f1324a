import { PortcullisError } from '../http/errors.js';
import { verifyUserAccessToken } from './access-tokens.js';
import {
  type AuthApiDependencies,
  type AuthApiHelpers,
  errors,
  security,
  tags,
  type ZodApp,
} from './context.js';
import * as schemas from './schemas.js';

/** MFA calls in the SaaSus shapes: preference, software-token enrolment, reset. */
export function registerMfaRoutes(app: ZodApp, deps: AuthApiDependencies, helpers: AuthApiHelpers) {
  const { appOf, contextOf, loadUser, loadUserForMfa } = helpers;

  app.get(
    '/v1/auth/users/:user_id/mfa/preference',
    {
      schema: {
        tags,
        security,
        summary: 'Get the MFA preference of a user',
        params: schemas.userIdParams,
        response: { 200: schemas.mfaPreference, ...errors(401, 404, 429) },
      },
    },
    async (request) => {
      const user = await loadUser(request, request.params.user_id);
      return {
        enabled: (await deps.mfa.status(user.id)).enabled,
        method: 'softwareToken' as const,
      };
    },
  );

  app.patch(
    '/v1/auth/users/:user_id/mfa/preference',
    {
      schema: {
        tags,
        security,
        summary: 'Turn MFA on or off for a user',
        description:
          'Turning MFA on needs a confirmed authenticator (409 `mfa_not_enrolled` otherwise). ' +
          'Turning it off needs the user\u2019s access token and a current code; it removes every ' +
          'authenticator and ends the user\u2019s trusted devices.',
        params: schemas.userIdParams,
        body: schemas.updateMfaPreferenceBody,
        response: { 200: schemas.mfaPreference, ...errors(400, 401, 404, 409, 429) },
      },
    },
    async (request) => {
      const user = await loadUserForMfa(request, request.params.user_id);
      const { enabled, access_token: accessToken, verification_code: code } = request.body;
      const current = (await deps.mfa.status(user.id)).enabled;

      if (enabled) {
        if (!current) throw new PortcullisError('mfa_not_enrolled');
        return { enabled: true, method: 'softwareToken' as const };
      }
      if (!current) return { enabled: false, method: 'softwareToken' as const };
      if (appOf(request).mfa_policy === 'on')
        throw new PortcullisError('mfa_last_authenticator_required');
      if (!accessToken || !code) {
        throw new PortcullisError('invalid_request', {
          detail: 'turning MFA off needs access_token and verification_code',
        });
      }

      await verifyUserAccessToken(deps.provider, appOf(request), user.id, accessToken);
      await deps.mfa.verifyCode(contextOf(request), user, code);
      await deps.mfa.resetMfa(contextOf(request), user, 'turned off through the Auth API');
      return { enabled: false, method: 'softwareToken' as const };
    },
  );

  app.post(
    '/v1/auth/users/:user_id/mfa/software-token/secret-code',
    {
      schema: {
        tags,
        security,
        summary: 'Start enrolment: issue a TOTP secret',
        description:
          'The secret stays pending for 10 minutes until confirmed with PUT software-token. ' +
          'A user who already has MFA on must also send a current code (403 `step_up_required` ' +
          'without it).',
        params: schemas.userIdParams,
        body: schemas.secretCodeBody,
        response: { 201: schemas.secretCode, ...errors(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      const user = await loadUserForMfa(request, request.params.user_id);
      await verifyUserAccessToken(
        deps.provider,
        appOf(request),
        user.id,
        request.body.access_token,
      );
      const context = contextOf(request);
      await deps.mfa.assertMayAddAuthenticator(context, user, request.body.verification_code);
      const enrolment = await deps.mfa.startEnrolment(
        context,
        appOf(request),
        user,
        'Authenticator app',
      );
      return reply
        .code(201)
        .send({ secret_code: enrolment.secret, otpauth_uri: enrolment.otpauthUri });
    },
  );

  app.put(
    '/v1/auth/users/:user_id/mfa/software-token',
    {
      schema: {
        tags,
        security,
        summary: 'Confirm enrolment with a first code; MFA turns on',
        params: schemas.userIdParams,
        body: schemas.softwareTokenBody,
        response: { 200: schemas.mfaPreference, ...errors(400, 401, 404, 429) },
      },
    },
    async (request) => {
      const user = await loadUserForMfa(request, request.params.user_id);
      const { access_token: accessToken, verification_code: code } = request.body;
      await verifyUserAccessToken(deps.provider, appOf(request), user.id, accessToken);

      const pending = await deps.repositories.authenticators.findLatestPending(
        user.id,
        deps.clock(),
      );
      if (!pending) throw new PortcullisError('mfa_enrolment_expired');
      await deps.mfa.confirmEnrolment(contextOf(request), user, pending.id, code);
      return { enabled: true, method: 'softwareToken' as const };
    },
  );

  app.post(
    '/v1/auth/users/:user_id/mfa/reset',
    {
      schema: {
        tags,
        security,
        summary: 'Reset a user\u2019s MFA (administrator action)',
        description:
          'Removes every authenticator and ends the user\u2019s trusted devices; audited.',
        params: schemas.userIdParams,
        body: schemas.resetMfaBody,
        response: { 200: schemas.mfaPreference, ...errors(400, 401, 404, 429) },
      },
    },
    async (request) => {
      const user = await loadUserForMfa(request, request.params.user_id);
      await deps.mfa.resetMfa(contextOf(request), user, request.body.reason);
      return { enabled: false, method: 'softwareToken' as const };
    },
  );
}
