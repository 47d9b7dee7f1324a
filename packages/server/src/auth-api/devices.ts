import { z } from 'zod';
import type { TrustedDeviceView } from '../mfa/trusted-devices.js';
import {
  type AuthApiDependencies,
  type AuthApiHelpers,
  errors,
  security,
  tags,
  type ZodApp,
} from './context.js';
import * as schemas from './schemas.js';

const toDeviceResponse = (device: TrustedDeviceView) => ({
  id: device.id,
  description: device.description,
  created_at: device.createdAt,
  last_used_at: device.lastUsedAt,
  expires_at: device.expiresAt,
});

/** Registers the routes of a user's trusted devices: list, forget one, forget all. */
export function registerDeviceRoutes(
  app: ZodApp,
  deps: AuthApiDependencies,
  helpers: AuthApiHelpers,
) {
  const { contextOf, loadUser } = helpers;

  app.get(
    '/v1/auth/users/:user_id/devices',
    {
      schema: {
        tags,
        security,
        summary: 'List a user\u2019s trusted devices',
        params: schemas.userIdParams,
        response: { 200: schemas.trustedDeviceList, ...errors(401, 404, 429) },
      },
    },
    async (request) => {
      const user = await loadUser(request, request.params.user_id);
      const devices = await deps.trustedDevices.list(user.app_id, user.id);
      return { devices: devices.map(toDeviceResponse) };
    },
  );

  app.delete(
    '/v1/auth/users/:user_id/devices/:device_id',
    {
      schema: {
        tags,
        security,
        summary: 'Forget one trusted device',
        params: schemas.deviceIdParams,
        response: { 204: z.null().describe('Forgotten'), ...errors(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const user = await loadUser(request, request.params.user_id);
      await deps.trustedDevices.forget(contextOf(request), user, request.params.device_id);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/v1/auth/users/:user_id/devices',
    {
      schema: {
        tags,
        security,
        summary: 'Forget every trusted device of a user',
        params: schemas.userIdParams,
        response: { 204: z.null().describe('Forgotten'), ...errors(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const user = await loadUser(request, request.params.user_id);
      await deps.trustedDevices.forgetAll(
        contextOf(request),
        user,
        'forgotten through the Auth API',
      );
      return reply.code(204).send(null);
    },
  );
}
