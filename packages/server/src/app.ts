import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { CustomFetch } from 'openid-client';
import type { DestinationStream } from 'pino';
import { createConsoleSessions } from './accounts/console-session.js';
import { consoleAuthRoutes } from './accounts/routes.js';
import { createAccountService } from './accounts/service.js';
import { createApiKeyService } from './apps/api-keys.js';
import { consoleAppRoutes } from './apps/routes.js';
import { createAppService, ensureConsoleApp } from './apps/service.js';
import { createAuditService } from './audit/service.js';
import { renderApiReference } from './auth-api/docs.js';
import { authApiRoutes } from './auth-api/routes.js';
import { type Config, repositoryRoot } from './config.js';
import { secretBoxOf } from './crypto/secret-box.js';
import { generateId } from './crypto/tokens.js';
import { jsonErrorHandler } from './http/error-handler.js';
import { translate } from './i18n/index.js';
import { loggerOptions } from './http/logging.js';
import { createRateLimiter } from './http/rate-limit.js';
import { helmetOptions } from './http/security.js';
import { createMfaChallengeService } from './mfa/challenges.js';
import { consoleMfaRoutes } from './mfa/routes.js';
import { createMfaService } from './mfa/service.js';
import { createTrustedDeviceService } from './mfa/trusted-devices.js';
import { interactionRoutes } from './oidc/interactions.js';
import { loadServerKeys } from './oidc/keys.js';
import { providerMount } from './oidc/mount.js';
import { createProvider } from './oidc/provider.js';
import { type Db, openDatabase } from './storage/database.js';
import { migrateToLatest } from './storage/migrations.js';
import { createRepositories } from './storage/repositories.js';

export interface BuildOptions {
  config: Config;
  /** Current time in epoch milliseconds; tests inject their own. */
  clock?: () => number;
  /** Destination of log lines (stdout by default); tests capture them. */
  logStream?: DestinationStream;
}

const publicAssets = path.join(repositoryRoot, 'packages/server/public');
const consoleDist = path.join(repositoryRoot, 'packages/console/dist');

/** Sends requests for the public URL through the app in-process, as a fetch implementation. */
function inProcessFetch(app: FastifyInstance): CustomFetch {
  return async (url, options) => {
    const target = new URL(url);
    const response = await app.inject({
      method: (options.method ?? 'GET') as 'GET' | 'POST',
      url: target.pathname + target.search,
      headers: { ...(options.headers as Record<string, string>), host: target.host },
      payload:
        options.body === undefined || options.body === null ? undefined : String(options.body),
    });
    return new Response(
      response.rawPayload.length > 0 ? new Uint8Array(response.rawPayload) : null,
      {
        status: response.statusCode,
        headers: response.headers as Record<string, string>,
      },
    );
  };
}

/** Builds the whole service over one database: storage, hosted login, console and APIs. */
export async function buildApp(options: BuildOptions) {
  const { config } = options;
  const clock = options.clock ?? Date.now;
  const secureCookies = config.publicUrl.startsWith('https:');

  const db: Db = openDatabase(config.database);
  await migrateToLatest(
    db,
    config.database.kind === 'postgres' ? config.database.schema : undefined,
  );
  const repositories = createRepositories(db);
  const secretBox = secretBoxOf(config);

  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    genReqId: () => generateId(),
    // Malformed URLs and over-long parameters get the JSON error format, without echoing the URL.
    frameworkErrors: (error, _request, reply) => {
      const detail =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'the URL is too long' : 'the URL is malformed';
      (reply as FastifyReply).code(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400).send({
        error: {
          code: 'invalid_request',
          message: translate('en', 'error.invalid_request', { detail }),
        },
      });
    },
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : (config.trustProxy ?? false),
  });
  app.addHook('onClose', async () => db.destroy());

  const audit = createAuditService(repositories, app.log, clock);
  const accounts = createAccountService({ repositories, audit, clock });
  const trustedDevices = createTrustedDeviceService({ repositories, audit, clock, secureCookies });
  const mfa = createMfaService({ repositories, secretBox, audit, clock, trustedDevices });
  const challenges = createMfaChallengeService({ repositories, mfa, audit, clock });
  const apps = createAppService({ repositories, audit, clock, trustedDevices });
  const apiKeys = createApiKeyService({ repositories, audit, clock });
  const sessions = createConsoleSessions({ repositories, clock, secureCookies });

  await ensureConsoleApp(repositories, config.publicUrl, clock());
  const keys = await loadServerKeys(repositories, secretBox, clock());
  const provider = createProvider({ publicUrl: config.publicUrl, repositories, keys, clock });

  await app.register(fastifyHelmet, helmetOptions(secureCookies));
  await app.register(fastifyCookie, { secret: keys.cookieKeys });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'portcullis_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, signed: true },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Portcullis Auth API',
        version: '1',
        description:
          'REST API for app backends: users, MFA enrolment and preference, sign-in settings. ' +
          'Authenticate with `Authorization: Bearer <API key>`; a key sees only its own app.',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from the console' },
        },
      },
    },
    hideUntagged: true,
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyStatic, { root: publicAssets, prefix: '/assets/' });
  if (fs.existsSync(consoleDist)) {
    await app.register(fastifyStatic, {
      root: consoleDist,
      prefix: '/console/',
      decorateReply: false,
    });
  } else {
    app.log.warn({ consoleDist }, 'console is not built; run `npm run build` to serve it');
  }

  // DELETE requests often send a JSON content type with no body: read that as no body, and
  // keep Fastify's own parser (with its prototype-poisoning checks) for everything else.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body.length === 0) return done(null, undefined);
    return parseJson(request, body.toString(), done);
  });

  app.setErrorHandler(jsonErrorHandler);
  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    if (
      request.method === 'GET' &&
      pathname.startsWith('/console/') &&
      !pathname.startsWith('/console/api/')
    ) {
      return reply.sendFile('index.html', consoleDist);
    }
    return reply
      .code(404)
      .send({ error: { code: 'not_found', message: 'No such path. Check the URL.' } });
  });

  await app.register(providerMount, { provider, publicUrl: config.publicUrl });
  await app.register(interactionRoutes, {
    provider,
    repositories,
    accounts,
    mfa,
    challenges,
    trustedDevices,
    audit,
    consoleSignupOpen: config.consoleSignup === 'open',
  });
  await app.register(consoleAuthRoutes, {
    publicUrl: config.publicUrl,
    repositories,
    sessions,
    audit,
    secureCookies,
    secretBox,
    providerFetch: inProcessFetch(app),
  });
  await app.register(consoleMfaRoutes, { sessions, mfa, trustedDevices, repositories });
  await app.register(consoleAppRoutes, {
    sessions,
    apps,
    apiKeys,
    mfa,
    accounts,
    trustedDevices,
    audit,
    repositories,
  });
  await app.register(authApiRoutes, {
    provider,
    repositories,
    apiKeys,
    apps,
    accounts,
    mfa,
    trustedDevices,
    audit,
    rateLimit: createRateLimiter(repositories, clock),
    clock,
  });
  app.get('/v1/auth/openapi.json', async () => app.swagger());
  app.get('/docs', async (_request, reply) =>
    reply
      .type('text/html')
      .send(renderApiReference(app.swagger() as Parameters<typeof renderApiReference>[0])),
  );
  app.get('/', async (_request, reply) => reply.redirect('/console/'));
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  app.get('/console', async (_request, reply) => reply.redirect('/console/'));

  return {
    app,
    db,
    repositories,
    services: { accounts, mfa, challenges, audit, apps, apiKeys, trustedDevices },
    provider,
    secretBox,
  };
}

export type Portcullis = Awaited<ReturnType<typeof buildApp>>;
