import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/service.js';

/** Returns the actor of a request and its origin, for audit events. */
export function auditContextOf(request: FastifyRequest, actor: string): AuditContext {
  return { actor, ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}
