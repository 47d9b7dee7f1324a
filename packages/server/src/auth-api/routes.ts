import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { apiKeyRateLimit, type AuthApiDependencies, createAuthApiHelpers } from './context.js';
import { registerDeviceRoutes } from './devices.js';
import { registerMfaRoutes } from './mfa.js';
import { registerSettingsRoutes } from './settings.js';
import { registerUserRoutes } from './users.js';

export { apiKeyRateLimit, userMfaRateLimit } from './context.js';
export type { AuthApiDependencies } from './context.js';

/**
 * Registers the Auth API for app backends, under /v1/auth with `Authorization: Bearer <API key>`. The MFA
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

  const helpers = createAuthApiHelpers(deps);
  registerUserRoutes(app, deps, helpers);
  registerMfaRoutes(app, deps, helpers);
  registerDeviceRoutes(app, deps, helpers);
  registerSettingsRoutes(app, deps, helpers);
}
