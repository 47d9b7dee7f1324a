import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ConsoleSessions } from '../accounts/console-session.js';
import { auditContextOf } from '../http/context.js';
import { PortcullisError } from '../http/errors.js';
import type { Repositories } from '../storage/repositories.js';
import type { MfaService } from './service.js';
import type { TrustedDeviceService } from './trusted-devices.js';

const nameBody = z.object({
  name: z.string().trim().min(1).max(64),
  stepUp: z.object({ code: z.string().max(32).optional() }).optional(),
});
const codeBody = z.object({ code: z.string().min(1).max(32) });
const stepUpBody = z.object({ code: z.string().max(32).optional() });
const idParams = z.object({ id: z.string().min(1).max(64) });

/** Registers the console account's own authenticator routes ("Multi-factor Authentication Setting"). */
export async function consoleMfaRoutes(
  app: FastifyInstance,
  deps: {
    sessions: ConsoleSessions;
    mfa: MfaService;
    trustedDevices: TrustedDeviceService;
    repositories: Repositories;
  },
) {
  async function consoleApp() {
    const row = await deps.repositories.apps.findById('console');
    if (!row) throw new PortcullisError('internal_error');
    return row;
  }

  app.get('/console/api/mfa', async (request) => {
    const { user } = await deps.sessions.require(request);
    return deps.mfa.status(user.id);
  });

  app.post('/console/api/mfa/authenticators', async (request, reply) => {
    const { user } = await deps.sessions.require(request);
    const { name, stepUp } = nameBody.parse(request.body);
    const context = auditContextOf(request, `user:${user.id}`);

    await deps.mfa.assertMayAddAuthenticator(context, user, stepUp?.code);

    const enrolment = await deps.mfa.startEnrolment(context, await consoleApp(), user, name);
    return reply.code(201).send(enrolment);
  });

  app.post('/console/api/mfa/authenticators/:id/confirm', async (request) => {
    const { user } = await deps.sessions.require(request);
    const { id } = idParams.parse(request.params);
    const { code } = codeBody.parse(request.body);

    const authenticator = await deps.mfa.confirmEnrolment(
      auditContextOf(request, `user:${user.id}`),
      user,
      id,
      code,
    );
    return { authenticator };
  });

  app.delete('/console/api/mfa/authenticators/:id', async (request, reply) => {
    const { user } = await deps.sessions.require(request);
    const { id } = idParams.parse(request.params);
    const { code } = stepUpBody.parse(request.body ?? {});
    if (!code && (await deps.mfa.status(user.id)).enabled)
      throw new PortcullisError('step_up_required');

    await deps.mfa.removeAuthenticator(
      auditContextOf(request, `user:${user.id}`),
      await consoleApp(),
      user,
      id,
      code ?? '',
    );
    return reply.code(204).send();
  });

  app.get('/console/api/trusted-devices', async (request) => {
    const { user } = await deps.sessions.require(request);
    return { devices: await deps.trustedDevices.list(user.app_id, user.id) };
  });

  app.delete('/console/api/trusted-devices/:id', async (request, reply) => {
    const { user } = await deps.sessions.require(request);
    const { id } = idParams.parse(request.params);
    await deps.trustedDevices.forget(auditContextOf(request, `user:${user.id}`), user, id);
    return reply.code(204).send();
  });

  app.delete('/console/api/trusted-devices', async (request, reply) => {
    const { user } = await deps.sessions.require(request);
    const context = auditContextOf(request, `user:${user.id}`);
    await deps.trustedDevices.forgetAll(context, user, 'forgotten by the user');
    return reply.code(204).send();
  });
}
