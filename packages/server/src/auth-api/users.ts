import { z } from 'zod';
import {
  type AuthApiDependencies,
  type AuthApiHelpers,
  errors,
  security,
  tags,
  type ZodApp,
} from './context.js';
import * as schemas from './schemas.js';

/** Users of the key\u2019s app: create, list, read, delete. */
export function registerUserRoutes(
  app: ZodApp,
  deps: AuthApiDependencies,
  helpers: AuthApiHelpers,
) {
  const { appOf, contextOf, loadUser, userView } = helpers;

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

  app.put(
    '/v1/auth/users/:user_id/password',
    {
      schema: {
        tags,
        security,
        summary: 'Set a new password for a user (password reset)',
        description: 'Ends the user\u2019s trusted devices; audited.',
        params: schemas.userIdParams,
        body: schemas.setPasswordBody,
        response: { 204: z.null().describe('Password changed'), ...errors(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const user = await loadUser(request, request.params.user_id);
      await deps.accounts.resetPassword(contextOf(request), user, request.body.password);
      await deps.trustedDevices.forgetAll(contextOf(request), user, 'password reset');
      return reply.code(204).send(null);
    },
  );
}
