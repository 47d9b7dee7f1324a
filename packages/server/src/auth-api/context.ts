import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type Provider from 'oidc-provider';
import type { AccountService } from '../accounts/service.js';
import type { ApiKeyService } from '../apps/api-keys.js';
import type { AppService } from '../apps/service.js';
import type { AuditContext, AuditService } from '../audit/service.js';
import { PortcullisError } from '../http/errors.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { MfaService } from '../mfa/service.js';
import type { TrustedDeviceService } from '../mfa/trusted-devices.js';
import type { AppRow } from '../storage/apps.js';
import type { Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/users.js';
import * as schemas from './schemas.js';

export interface AuthApiDependencies {
  provider: Provider;
  repositories: Repositories;
  apiKeys: ApiKeyService;
  apps: AppService;
  accounts: AccountService;
  mfa: MfaService;
  trustedDevices: TrustedDeviceService;
  audit: AuditService;
  rateLimit: RateLimiter;
  clock: () => number;
}

/** Requests a key may make per minute, and MFA calls per user per minute. */
export const apiKeyRateLimit = { limit: 600, windowMs: 60_000 };
export const userMfaRateLimit = { limit: 30, windowMs: 60_000 };

/** OpenAPI error responses for the given statuses. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, schemas.errorResponse]));

export const tags = ['Auth API'];
export const security = [{ apiKey: [] }];

/** Request helpers every Auth API route shares: audit context, user loading, views. */
export function createAuthApiHelpers(deps: AuthApiDependencies) {
  const appOf = (request: FastifyRequest) => request.authApp as AppRow;

  const contextOf = (request: FastifyRequest): AuditContext => ({
    actor: `api-key:${request.apiKeyId}`,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });

  /** Loads a user of the key's app; another app's user is `not_found`, like a missing one. */
  async function loadUser(request: FastifyRequest, userId: string) {
    const user = await deps.repositories.users.findById(userId);
    if (!user || user.app_id !== request.authApp?.id) {
      throw new PortcullisError('not_found', { thing: 'user' });
    }
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

  return { appOf, contextOf, loadUser, loadUserForMfa, userView };
}

export type AuthApiHelpers = ReturnType<typeof createAuthApiHelpers>;
export type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    authApp: AppRow | null;
    apiKeyId: string;
  }
}
