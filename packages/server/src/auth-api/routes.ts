import type { FastifyInstance, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccountService } from '../accounts/service.js';
import type { ApiKeyService } from '../apps/api-keys.js';
import type { AuditContext, AuditService } from '../audit/service.js';
import { PortcullisError } from '../http/errors.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { MfaService } from '../mfa/service.js';
import type { AppRow } from '../storage/apps.js';
import type { Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/users.js';
import { verifyUserAccessToken } from './access-tokens.js';
import * as schemas from './schemas.js';

export interface AuthApiDependencies {
  provider: Provider;
  repositories: Repositories;
  apiKeys: ApiKeyService;
  accounts: AccountService;
  mfa: MfaService;
  audit: AuditService;
  rateLimit: RateLimiter;
  clock: () => number;
  /** Ends a user's trusted devices; called when MFA is turned off or reset. */
  onMfaReset?: (user: UserRow) => Promise<void>;
}

/** Requests a key may make per minute, and MFA calls per user per minute. */
export const apiKeyRateLimit = { limit: 600, windowMs: 60_000 };
export const userMfaRateLimit = { limit: 30, windowMs: 60_000 };

const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, schemas.errorResponse]));

const tags = ['Auth API'];
const security = [{ apiKey: [] }];

/**
 * The Auth API for app backends, under /v1/auth with `Authorization: Bearer <API key>`. The MFA
 * calls keep the SaaSus Auth API's resource names and JSON shapes.
 */
export async function authApiRoutes(fastify: FastifyInstance, deps: AuthApiDependencies) {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.decorateRequest('authApp', null);
  app.decorateRequest('apiKeyId', '');
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    const presented = header?.startsWith('Bearer ')
      ? header.slice('Bearer '.length).trim()
      : undefined;
    const { app: appRow, apiKeyId } = await deps.apiKeys.authenticate(presented);
    await deps.rateLimit(`api-key:${apiKeyId}`, apiKeyRateLimit);
    request.authApp = appRow;
    request.apiKeyId = apiKeyId;
  });

  const contextOf = (request: FastifyRequest): AuditContext => ({
    actor: `api-key:${request.apiKeyId}`,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });

  async function loadUser(request: FastifyRequest, userId: string) {
    const user = await deps.repositories.users.findById(userId);
    if (!user || user.app_id !== request.authApp?.id)
      throw new PortcullisError('not_found', { thing: 'user' });
    return user;
  }

  /** Loads a user for an MFA call, after the per-user rate limit. */
  async function loadUserForMfa(request: FastifyRequest, userId: string) {
    const user = await loadUser(request, userId);
    await deps.rateLimit(`api-user:${user.id}`, userMfaRateLimit);
    return user;
  }

  async function userView(user: UserRow) {
    const { enabled } = await deps.mfa.status(user.id);
    return { id: user.id, email: user.email, created_at: user.created_at, mfa_enabled: enabled };
  }

  const appOf = (request: FastifyRequest) => request.authApp as AppRow;

  app.post(
    '/v1/auth/users',
    {
      schema: {
        tags,
        security,
        summary: 'Create a user',
        body: schemas.createUserBody,
        response: { 201: schemas.user, ...errors(400, 401, 409, 429) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const user = await deps.accounts.signUp(contextOf(request), appOf(request), email, password);
      return reply.code(201).send(await userView(user));
    },
  );

  app.get(
    '/v1/auth/users',
    {
      schema: {
        tags,
        security,
        summary: 'List users',
        querystring: schemas.listUsersQuery,
        response: { 200: schemas.userList, ...errors(400, 401, 429) },
      },
    },
    async (request) => {
      const { email, limit, offset } = request.query;
      const { rows, total } = await deps.repositories.users.list(appOf(request).id, {
        query: email,
        limit,
        offset,
      });
      return { users: await Promise.all(rows.map(userView)), total_count: total };
    },
  );

  app.get(
    '/v1/auth/users/:user_id',
    {
      schema: {
        tags,
        security,
        summary: 'Get a user',
        params: schemas.userIdParams,
        response: { 200: schemas.user, ...errors(401, 404, 429) },
      },
    },
    async (request) => userView(await loadUser(request, request.params.user_id)),
  );

  app.delete(
    '/v1/auth/users/:user_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a user',
        params: schemas.userIdParams,
        response: { 204: z.null().describe('Deleted'), ...errors(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const user = await loadUser(request, request.params.user_id);
      await deps.repositories.users.delete(user.app_id, user.id);
      await deps.audit.record(contextOf(request), {
        event: 'user.deleted',
        appId: user.app_id,
        userId: user.id,
      });
      return reply.code(204).send(null);
    },
  );

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
      await deps.onMfaReset?.(user);
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
          'The secret stays pending for 10 minutes until confirmed with PUT software-token.',
        params: schemas.userIdParams,
        body: schemas.secretCodeBody,
        response: { 201: schemas.secretCode, ...errors(400, 401, 404, 429) },
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
      const enrolment = await deps.mfa.startEnrolment(
        contextOf(request),
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
      await deps.onMfaReset?.(user);
      return { enabled: false, method: 'softwareToken' as const };
    },
  );

  const settingsOf = (appRow: AppRow) => ({
    mfa_configuration: { mfa_configuration: appRow.mfa_policy },
    device_configuration: {
      device_remembering: appRow.remember_mode,
      remember_days: appRow.remember_days,
    },
    self_sign_up: { enable: appRow.signup_enabled === 1 },
  });

  app.get(
    '/v1/auth/sign-in-settings',
    {
      schema: {
        tags,
        security,
        summary: 'Get the app\u2019s sign-in settings',
        response: { 200: schemas.signInSettings, ...errors(401, 429) },
      },
    },
    async (request) => settingsOf(appOf(request)),
  );

  app.put(
    '/v1/auth/sign-in-settings',
    {
      schema: {
        tags,
        security,
        summary: 'Change the app\u2019s sign-in settings',
        description: 'Fields left out keep their values.',
        body: schemas.updateSignInSettingsBody,
        response: { 200: schemas.signInSettings, ...errors(400, 401, 429) },
      },
    },
    async (request) => {
      const current = appOf(request);
      const body = request.body;
      await deps.repositories.apps.update(current.id, {
        mfa_policy: body.mfa_configuration?.mfa_configuration ?? current.mfa_policy,
        remember_mode: body.device_configuration?.device_remembering ?? current.remember_mode,
        remember_days: body.device_configuration?.remember_days ?? current.remember_days,
        signup_enabled:
          body.self_sign_up === undefined
            ? current.signup_enabled
            : body.self_sign_up.enable
              ? 1
              : 0,
      });
      const updated = (await deps.repositories.apps.findById(current.id)) ?? current;
      await deps.audit.record(contextOf(request), {
        event: 'app.settings_changed',
        appId: current.id,
        detail: {
          mfaPolicy: updated.mfa_policy,
          rememberMode: updated.remember_mode,
          rememberDays: updated.remember_days,
        },
      });
      return settingsOf(updated);
    },
  );
}

declare module 'fastify' {
  interface FastifyRequest {
    authApp: AppRow | null;
    apiKeyId: string;
  }
}
