import Bowser from 'bowser';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditContext, AuditService } from '../audit/service.js';
import { generateId, generateToken, hashToken } from '../crypto/tokens.js';
import { PortcullisError } from '../http/errors.js';
import type { AppRow } from '../storage/apps.js';
import type { Repositories } from '../storage/repositories.js';
import type { TrustedDeviceRow } from '../storage/trusted-devices.js';
import type { UserRow } from '../storage/users.js';

export interface TrustedDeviceView {
  id: string;
  description: string;
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
}

const dayMs = 24 * 60 * 60_000;

/** How long after a rotation the old token is a parallel request rather than a stolen copy. */
const rotationGraceMs = 10_000;

/** Path of the cookies: only the hosted login pages read them. */
const cookiePath = '/interaction';

/**
 * Returns the cookie name of an app and user: one cookie for each pair, named from a hash of both, so two people sharing a browser (or
 * one person in two apps) never share trust and the name does not reveal the user id.
 */
export function trustedDeviceCookieName(appId: string, userId: string): string {
  return `pc_td_${hashToken(`${appId}:${userId}`).slice(0, 16)}`;
}

/** Describes a browser in words for people reading the device list, e.g. "Chrome 156 on Linux". */
export function describeUserAgent(userAgent: string | undefined): string {
  if (!userAgent) return 'Unknown browser';
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowserName() || 'Unknown browser';
  const version = parser.getBrowserVersion()?.split('.')[0];
  const os = parser.getOSName();
  return `${browser}${version ? ` ${version}` : ''}${os ? ` on ${os}` : ''}`;
}

export const toTrustedDeviceView = (row: TrustedDeviceRow): TrustedDeviceView => ({
  id: row.id,
  description: row.description,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
});

/**
 * Trusted devices: a browser that passed an MFA challenge may skip the code step of the same
 * app and user until the trust ends. The cookie contains a random 256-bit token, the database only
 * its hash, and the token rotates on every use.
 */
export function createTrustedDeviceService(deps: {
  repositories: Repositories;
  audit: AuditService;
  clock: () => number;
  secureCookies: boolean;
}) {
  const { trustedDevices } = deps.repositories;
  const cookieOptions = {
    path: cookiePath,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.secureCookies,
  };

  function setCookie(
    reply: FastifyReply,
    app: AppRow,
    user: UserRow,
    token: string,
    expiresAt: number,
  ) {
    const maxAge = Math.max(1, Math.floor((expiresAt - deps.clock()) / 1000));
    reply.setCookie(trustedDeviceCookieName(app.id, user.id), token, { ...cookieOptions, maxAge });
  }

  function clearCookie(reply: FastifyReply, app: AppRow, user: UserRow) {
    reply.clearCookie(trustedDeviceCookieName(app.id, user.id), cookieOptions);
  }

  return {
    /** Remembers this browser for the app and user after a passed MFA challenge. */
    async remember(context: AuditContext, reply: FastifyReply, app: AppRow, user: UserRow) {
      const now = deps.clock();
      const token = generateToken();
      const row: TrustedDeviceRow = {
        id: `dev_${generateId()}`,
        app_id: app.id,
        user_id: user.id,
        token_hash: hashToken(token),
        previous_token_hash: null,
        description: describeUserAgent(context.userAgent ?? undefined),
        created_at: now,
        last_used_at: now,
        expires_at: now + app.remember_days * dayMs,
      };
      await trustedDevices.deleteExpired(now);
      await trustedDevices.insert(row);
      setCookie(reply, app, user, token, row.expires_at);
      await deps.audit.record(context, {
        event: 'trusted_device.remembered',
        appId: app.id,
        userId: user.id,
        detail: { deviceId: row.id, expiresAt: row.expires_at },
      });
    },

    /**
     * Returns true when this browser has valid trust for the app and user, after rotating its
     * token. A token that was already rotated away is a copy: the device loses its trust.
     */
    async useTrust(
      context: AuditContext,
      request: FastifyRequest,
      reply: FastifyReply,
      app: AppRow,
      user: UserRow,
    ): Promise<boolean> {
      if (app.remember_mode === 'no') return false;
      const token = request.cookies[trustedDeviceCookieName(app.id, user.id)];
      if (!token) return false;

      const now = deps.clock();
      const presentedHash = hashToken(token);
      const row = await trustedDevices.findByTokenHash(presentedHash);
      if (!row || row.app_id !== app.id || row.user_id !== user.id || row.expires_at <= now) {
        await this.handleUnknownToken(context, reply, app, user, presentedHash);
        return false;
      }

      const nextToken = generateToken();
      const rotated = await trustedDevices.rotate({
        id: row.id,
        currentHash: presentedHash,
        nextHash: hashToken(nextToken),
        now,
      });
      if (!rotated) {
        await this.handleUnknownToken(context, reply, app, user, presentedHash);
        return false;
      }

      setCookie(reply, app, user, nextToken, row.expires_at);
      await deps.audit.record(context, {
        event: 'trusted_device.used',
        appId: app.id,
        userId: user.id,
        detail: { deviceId: row.id },
      });
      return true;
    },

    /** Clears a cookie that opens nothing; a rotated-away token also ends its device's trust. */
    async handleUnknownToken(
      context: AuditContext,
      reply: FastifyReply,
      app: AppRow,
      user: UserRow,
      presentedHash: string,
    ) {
      clearCookie(reply, app, user);
      const rotatedAway = await trustedDevices.findByPreviousTokenHash(presentedHash);
      if (!rotatedAway || rotatedAway.app_id !== app.id || rotatedAway.user_id !== user.id) return;
      // Two tabs submitting at once present the same token: the loser only gets the code step.
      if (deps.clock() - rotatedAway.last_used_at < rotationGraceMs) return;

      await trustedDevices.deleteById(rotatedAway.id);
      await deps.audit.record(context, {
        event: 'trusted_device.replayed',
        appId: app.id,
        userId: user.id,
        detail: { deviceId: rotatedAway.id },
      });
    },

    async list(appId: string, userId: string): Promise<TrustedDeviceView[]> {
      return (await trustedDevices.listForUser(appId, userId, deps.clock())).map(
        toTrustedDeviceView,
      );
    },

    async forget(context: AuditContext, user: UserRow, deviceId: string): Promise<void> {
      if (!(await trustedDevices.delete(user.app_id, user.id, deviceId))) {
        throw new PortcullisError('not_found', { thing: 'trusted device' });
      }
      await deps.audit.record(context, {
        event: 'trusted_device.forgotten',
        appId: user.app_id,
        userId: user.id,
        detail: { deviceId, reason: 'forgotten' },
      });
    },

    /** Ends every trusted device of a user (forget all, password reset, MFA reset or off). */
    async forgetAll(context: AuditContext, user: UserRow, reason: string): Promise<number> {
      const removed = await trustedDevices.deleteForUser(user.app_id, user.id);
      if (removed > 0) {
        await deps.audit.record(context, {
          event: 'trusted_device.forgotten',
          appId: user.app_id,
          userId: user.id,
          detail: { removed, reason },
        });
      }
      return removed;
    },

    /** Ends every trusted device of an app (its remember mode became Don't Remember). */
    async forgetApp(context: AuditContext, appId: string): Promise<number> {
      const removed = await trustedDevices.deleteForApp(appId);
      if (removed > 0) {
        await deps.audit.record(context, {
          event: 'trusted_device.forgotten',
          appId,
          detail: { removed, reason: 'remember mode set to no' },
        });
      }
      return removed;
    },
  };
}

export type TrustedDeviceService = ReturnType<typeof createTrustedDeviceService>;
