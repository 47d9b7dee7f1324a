import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ConsoleSessions } from '../accounts/console-session.js';
import type { AccountService } from '../accounts/service.js';
import { verifyStepUp, type StepUpProof } from '../accounts/step-up.js';
import type { AuditService } from '../audit/service.js';
import { auditContextOf } from '../http/context.js';
import { PortcullisError } from '../http/errors.js';
import type { MfaService } from '../mfa/service.js';
import type { TrustedDeviceService } from '../mfa/trusted-devices.js';
import type { Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/users.js';
import type { ApiKeyService } from './api-keys.js';
import {
  createApiKeyBody,
  createAppBody,
  settingsBody,
  stepUpBody,
  updateAppBody,
  userListQuery,
} from './schemas.js';
import { type AppService, settingsOf, toAppView } from './service.js';

const appParams = z.object({ appId: z.string().min(1).max(100) });
const keyParams = appParams.extend({ keyId: z.string().min(1).max(100) });
const userParams = appParams.extend({ userId: z.string().min(1).max(100) });
const deviceParams = userParams.extend({ deviceId: z.string().min(1).max(100) });

export interface AppRouteDependencies {
  sessions: ConsoleSessions;
  apps: AppService;
  apiKeys: ApiKeyService;
  mfa: MfaService;
  accounts: AccountService;
  audit: AuditService;
  repositories: Repositories;
  trustedDevices: TrustedDeviceService;
}

/** Registers the console's app routes: registry, client secrets, API keys, users and settings. */
export async function consoleAppRoutes(app: FastifyInstance, deps: AppRouteDependencies) {
  /** Loads the signed-in account and one of its apps; step-up proof is checked when given. */
  async function ownedApp(request: FastifyRequest) {
    const { user: account } = await deps.sessions.require(request);
    const { appId } = appParams.parse(request.params);
    const appRow = await deps.apps.findOwned(account.id, appId);
    const context = auditContextOf(request, `user:${account.id}`);
    const stepUp = (proof: StepUpProof) =>
      verifyStepUp(deps.mfa, deps.accounts, context, account, proof);
    return { account, app: appRow, context, stepUp };
  }

  async function userView(user: UserRow) {
    return {
      id: user.id,
      email: user.email,
      createdAt: user.created_at,
      mfa: await deps.mfa.status(user.id),
    };
  }

  async function ownedUser(request: FastifyRequest) {
    const owned = await ownedApp(request);
    const { userId } = userParams.parse(request.params);
    const user = await deps.repositories.users.findById(userId);
    if (!user || user.app_id !== owned.app.id)
      throw new PortcullisError('not_found', { thing: 'user' });
    return { ...owned, user };
  }

  app.get('/console/api/apps', async (request) => {
    const { user: account } = await deps.sessions.require(request);
    return { apps: await deps.apps.list(account.id) };
  });

  app.post('/console/api/apps', async (request, reply) => {
    const { user: account } = await deps.sessions.require(request);
    const input = createAppBody.parse(request.body);
    const created = await deps.apps.create(
      auditContextOf(request, `user:${account.id}`),
      account.id,
      input,
    );
    return reply.code(201).send(created);
  });

  app.get('/console/api/apps/:appId', async (request) => {
    const { app: appRow } = await ownedApp(request);
    return { app: toAppView(appRow) };
  });

  app.patch('/console/api/apps/:appId', async (request) => {
    const { app: appRow, stepUp } = await ownedApp(request);
    const { stepUp: proof, ...changes } = updateAppBody.parse(request.body);
    // Where codes are sent is as sensitive as a key: a stolen session must not redirect them.
    const sameList = (next: string[] | undefined, stored: string) =>
      next === undefined || JSON.stringify(next) === stored;
    const urlsChange =
      !sameList(changes.redirectUris, appRow.redirect_uris) ||
      !sameList(changes.postLogoutRedirectUris, appRow.post_logout_redirect_uris);
    if (urlsChange) await stepUp(proof);
    return { app: await deps.apps.update(appRow, changes) };
  });

  app.delete('/console/api/apps/:appId', async (request, reply) => {
    const { app: appRow, context, stepUp } = await ownedApp(request);
    await stepUp(stepUpBody.parse(request.body ?? {}).stepUp);
    await deps.apps.remove(context, appRow);
    return reply.code(204).send();
  });

  app.post('/console/api/apps/:appId/client-secret', async (request) => {
    const { app: appRow, context, stepUp } = await ownedApp(request);
    await stepUp(stepUpBody.parse(request.body ?? {}).stepUp);
    return { clientSecret: await deps.apps.regenerateClientSecret(context, appRow) };
  });

  app.get('/console/api/apps/:appId/settings', async (request) => {
    const { app: appRow } = await ownedApp(request);
    return { settings: settingsOf(appRow) };
  });

  app.put('/console/api/apps/:appId/settings', async (request) => {
    const { app: appRow, context, stepUp } = await ownedApp(request);
    const { stepUp: proof, ...settings } = settingsBody.parse(request.body);
    const current = settingsOf(appRow);
    const changed = (Object.keys(settings) as Array<keyof typeof settings>).some(
      (key) => settings[key] !== current[key],
    );
    if (changed) await stepUp(proof);
    return { settings: await deps.apps.updateSettings(context, appRow, settings) };
  });

  app.get('/console/api/apps/:appId/api-keys', async (request) => {
    const { app: appRow } = await ownedApp(request);
    return { apiKeys: await deps.apiKeys.list(appRow) };
  });

  app.post('/console/api/apps/:appId/api-keys', async (request, reply) => {
    const { app: appRow, context, stepUp } = await ownedApp(request);
    const { name, stepUp: proof } = createApiKeyBody.parse(request.body);
    await stepUp(proof);
    return reply.code(201).send(await deps.apiKeys.create(context, appRow, name));
  });

  app.delete('/console/api/apps/:appId/api-keys/:keyId', async (request, reply) => {
    const { app: appRow, context, stepUp } = await ownedApp(request);
    const { keyId } = keyParams.parse(request.params);
    await stepUp(stepUpBody.parse(request.body ?? {}).stepUp);
    await deps.apiKeys.revoke(context, appRow, keyId);
    return reply.code(204).send();
  });

  app.get('/console/api/apps/:appId/users', async (request) => {
    const { app: appRow } = await ownedApp(request);
    const { query, page, pageSize } = userListQuery.parse(request.query);
    const { rows, total } = await deps.repositories.users.list(appRow.id, {
      query,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { users: await Promise.all(rows.map(userView)), total, page, pageSize };
  });

  app.get('/console/api/apps/:appId/users/:userId', async (request) => {
    const { user } = await ownedUser(request);
    return { user: await userView(user) };
  });

  app.post('/console/api/apps/:appId/users/:userId/mfa/reset', async (request) => {
    const { user, context, stepUp } = await ownedUser(request);
    await stepUp(stepUpBody.parse(request.body ?? {}).stepUp);
    await deps.mfa.resetMfa(context, user, 'reset by an administrator in the console');
    return { user: await userView(user) };
  });

  app.delete('/console/api/apps/:appId/users/:userId', async (request, reply) => {
    const { app: appRow, user, context, stepUp } = await ownedUser(request);
    await stepUp(stepUpBody.parse(request.body ?? {}).stepUp);
    await deps.repositories.users.delete(appRow.id, user.id);
    await deps.audit.record(context, { event: 'user.deleted', appId: appRow.id, userId: user.id });
    return reply.code(204).send();
  });

  app.get('/console/api/apps/:appId/users/:userId/devices', async (request) => {
    const { user } = await ownedUser(request);
    return { devices: await deps.trustedDevices.list(user.app_id, user.id) };
  });

  app.delete('/console/api/apps/:appId/users/:userId/devices/:deviceId', async (request, reply) => {
    const { user, context } = await ownedUser(request);
    const { deviceId } = deviceParams.parse(request.params);
    await deps.trustedDevices.forget(context, user, deviceId);
    return reply.code(204).send();
  });

  app.delete('/console/api/apps/:appId/users/:userId/devices', async (request, reply) => {
    const { user, context } = await ownedUser(request);
    await deps.trustedDevices.forgetAll(context, user, 'forgotten by an administrator');
    return reply.code(204).send();
  });
}
