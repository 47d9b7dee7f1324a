import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

// Paths pino replaces with [Redacted] wherever they appear in a log object. The request
// serializer below already leaves headers and bodies out; these catch what code logs by hand.
const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.code',
  '*.secret',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.id_token',
  '*.verification_code',
  '*.client_secret',
  '*.otpauthUri',
  '*.cookie',
];

/** Request log fields are an allow-list: no header, query string or body is ever logged. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    route: request.routeOptions?.url ?? request.url.split('?')[0],
    requestId: request.id,
  };
}

function serializeResponse(reply: FastifyReply) {
  return { statusCode: reply.statusCode };
}

export function loggerOptions(
  level: string,
  stream?: DestinationStream,
): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: redactedPaths, censor: '[Redacted]' },
    serializers: { req: serializeRequest, res: serializeResponse },
    ...(stream ? { stream } : {}),
  } as FastifyServerOptions['logger'];
}
