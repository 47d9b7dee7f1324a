import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';

/**
 * Hands the provider's paths to oidc-provider. It reads request bodies itself, so this
 * encapsulated plugin replaces Fastify's body parsers with one that leaves the stream alone.
 * Security headers are already on the raw response: helmet sets them in an onRequest hook.
 */
export async function providerMount(
  app: FastifyInstance,
  options: { provider: Provider; publicUrl: string },
) {
  const callback = options.provider.callback();
  const publicUrl = new URL(options.publicUrl);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  // The provider builds its endpoint URLs and cookie flags from the request's origin. It receives
  // the public URL's origin whatever the client or a proxy sent, so discovery always names the
  // issuer's own endpoints and cookies are Secure under https.
  const handle = (request: FastifyRequest, reply: FastifyReply) => {
    const headers = request.raw.headers;
    headers.host = publicUrl.host;
    headers['x-forwarded-host'] = publicUrl.host;
    headers['x-forwarded-proto'] = publicUrl.protocol.replace(':', '');
    delete headers['x-forwarded-for'];
    reply.hijack();
    callback(request.raw, reply.raw);
  };
  app.all('/oidc/*', handle);
  app.get('/.well-known/openid-configuration', handle);
}
