import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { chooseLocale, translate } from '../i18n/index.js';
import { PortcullisError } from './errors.js';

/** Describes a validation failure by field names only, never by the values sent. */
function describeZodError(error: z.ZodError): string {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join('.') || 'body'))];
  return `check the field${fields.length > 1 ? 's' : ''} ${fields.join(', ')}`;
}

/** Maps any thrown error to the JSON error format; unknown errors become `internal_error` with no detail. */
export function toPortcullisError(error: unknown): PortcullisError | undefined {
  if (error instanceof PortcullisError) return error;
  if (error instanceof z.ZodError)
    return new PortcullisError('invalid_request', { detail: describeZodError(error) });

  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    const fields = fastifyError.validation.map((issue) => {
      const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return path || fastifyError.validationContext || 'body';
    });
    return new PortcullisError('invalid_request', {
      detail: `check ${[...new Set(fields)].join(', ')}`,
    });
  }
  if (fastifyError.code?.startsWith('FST_CSRF')) return new PortcullisError('csrf_invalid');
  if (fastifyError.statusCode === 415 || fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new PortcullisError('invalid_request', { detail: 'send the body as application/json' });
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new PortcullisError('invalid_request', { detail: 'the body could not be read' });
  }
  return undefined;
}

export async function jsonErrorHandler(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const known = toPortcullisError(error);
  if (!known) request.log.error({ err: error }, 'request failed');
  const reported = known ?? new PortcullisError('internal_error');

  const locale = chooseLocale(request.headers['accept-language']);
  if (reported.retryAfterSeconds) reply.header('retry-after', String(reported.retryAfterSeconds));
  return reply.code(reported.status).send({
    error: {
      code: reported.code,
      message: translate(locale, reported.messageKey, reported.values),
    },
  });
}
