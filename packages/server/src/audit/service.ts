import type { FastifyBaseLogger } from 'fastify';
import { generateId } from '../crypto/tokens.js';
import type { Repositories } from '../storage/repositories.js';

export type AuditEventName =
  | 'account.signed_up'
  | 'sign_in.succeeded'
  | 'sign_in.failed'
  | 'sign_in.locked'
  | 'sign_in.lock_ended'
  | 'step_up.failed'
  | 'mfa.challenge_failed'
  | 'mfa.challenge_ended'
  | 'mfa.enrolment_started'
  | 'mfa.enrolment_confirmed'
  | 'mfa.authenticator_removed'
  | 'mfa.disabled'
  | 'mfa.locked'
  | 'mfa.lock_ended'
  | 'mfa.reset'
  | 'console.signed_out'
  | 'app.created'
  | 'app.deleted'
  | 'app.client_secret_regenerated'
  | 'app.settings_changed'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'user.deleted'
  | 'user.password_reset'
  | 'trusted_device.remembered'
  | 'trusted_device.used'
  | 'trusted_device.replayed'
  | 'trusted_device.forgotten';

/** The actor of an event and the request's origin; never a secret. */
export interface AuditContext {
  actor: string;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditEvent {
  event: AuditEventName;
  appId?: string | null;
  userId?: string | null;
  /** Non-secret facts about the event (ids, counts, reasons); never a code, token or password. */
  detail?: Record<string, string | number | boolean | null>;
}

/** Appends security events to the database and writes one log line for each. */
export function createAuditService(
  repositories: Repositories,
  log: FastifyBaseLogger,
  clock: () => number,
) {
  return {
    async record(context: AuditContext, event: AuditEvent): Promise<void> {
      const row = {
        id: generateId(),
        at: clock(),
        event: event.event,
        app_id: event.appId ?? null,
        user_id: event.userId ?? null,
        actor: context.actor,
        ip: context.ip ?? null,
        user_agent: context.userAgent?.slice(0, 300) ?? null,
        detail: JSON.stringify(event.detail ?? {}),
      };
      await repositories.auditEvents.insert(row);
      log.info(
        {
          audit: event.event,
          appId: row.app_id,
          userId: row.user_id,
          actor: row.actor,
          detail: event.detail,
        },
        'security event',
      );
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
