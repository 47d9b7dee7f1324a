import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';

/**
 * Hands the provider's paths to oidc-provider. It reads request bodies itself, so this
 * encapsulated plugin replaces Fastify's body parsers with one that leaves the stream alone.
 * Security headers are already on the raw response: helmet sets them in an onRequest hook.
 */
export async function providerMount(app: FastifyInstance, options: { provider: Provider }) {
  const callback = options.provider.callback();

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  const handle = (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    callback(request.raw, reply.raw);
  };
  app.all('/oidc/*', handle);
  app.get('/.well-known/openid-configuration', handle);
}
