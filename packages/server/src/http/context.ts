import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/service.js';

/** Who is acting in this request and from where, for audit events. */
export function auditContextOf(request: FastifyRequest, actor: string): AuditContext {
  return { actor, ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}
