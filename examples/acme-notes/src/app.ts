import fs from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AcmeNotesConfig } from './config.js';
import { createErrorHandler } from './error-pages.js';
import { notesRoutes } from './notes.js';
import { messagePage } from './pages.js';
import { connectToPortcullis } from './portcullis.js';
import { securityRoutes } from './security.js';
import { createSessionStore } from './sessions.js';
import { signInRoutes } from './sign-in.js';
import { pageOf, sendPage } from './web.js';

const stylesheet = fs.readFileSync(new URL('../public/styles.css', import.meta.url), 'utf8');

/**
 * Headers of every response. The policy allows no script at all, and images only from this
 * origin or as data URLs (the QR code). Forms may post here or lead on to Portcullis, because
 * sign-out redirects to its end-session endpoint and Chromium checks form-action on redirects.
 */
function securityHeaders(portcullisUrl: string): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'self'",
      "img-src 'self' data:",
      `form-action 'self' ${new URL(portcullisUrl).origin}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    // The callback URL carries the authorization code: keep it out of Referer headers.
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
}

/** Logs requests by method and path only, because the callback's query contains the code. */
const loggerOptions = (level: string): FastifyServerOptions['logger'] => ({
  level,
  serializers: {
    req: (request: { method: string; url: string }) => ({
      method: request.method,
      path: request.url.split('?')[0],
    }),
  },
});

/** Builds the Acme Notes web app. The caller decides where it listens. */
export async function buildAcmeNotes(
  config: AcmeNotesConfig,
  options: { logLevel?: string } = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: loggerOptions(options.logLevel ?? 'info') });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);

  const headers = securityHeaders(config.portcullisUrl);
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });

  const sessions = createSessionStore({ secureCookies: config.publicUrl.startsWith('https:') });
  const portcullis = connectToPortcullis(config);

  app.get('/styles.css', async (_request, reply) => reply.type('text/css').send(stylesheet));
  notesRoutes(app, { sessions });
  signInRoutes(app, { config, sessions, portcullis });
  securityRoutes(app, { sessions, portcullis });

  app.setNotFoundHandler(async (request, reply) => {
    const page = messagePage('Page not found', 'There is no page at this address.');
    return sendPage(reply, pageOf(sessions.find(request), 'Page not found', page), 404);
  });

  app.setErrorHandler(createErrorHandler(sessions));

  return app;
}
