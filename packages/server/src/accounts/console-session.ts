import type { FastifyReply, FastifyRequest } from 'fastify';
import { constantTimeEqual, generateToken, hashToken } from '../crypto/tokens.js';
import { PortcullisError } from '../http/errors.js';
import type { ConsoleSessionRow } from '../storage/console-sessions.js';
import type { Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/users.js';

export const consoleSessionCookie = 'portcullis_console';
export const consoleSessionLifetimeMs = 12 * 60 * 60_000;

export interface ConsoleSignedIn {
  session: ConsoleSessionRow;
  user: UserRow;
}

/**
 * The console's own HttpOnly session (backend-for-frontend): the browser keeps a random id,
 * the database only its hash, and every state change must echo the session's CSRF token.
 */
export function createConsoleSessions(deps: {
  repositories: Repositories;
  clock: () => number;
  secureCookies: boolean;
}) {
  const { consoleSessions, users } = deps.repositories;
  const cookieOptions = {
    path: '/console',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.secureCookies,
  };

  return {
    async start(reply: FastifyReply, user: UserRow, idToken: string | null): Promise<void> {
      const now = deps.clock();
      const id = generateToken();
      await consoleSessions.deleteExpired(now);
      await consoleSessions.insert({
        id_hash: hashToken(id),
        user_id: user.id,
        csrf_token: generateToken(),
        id_token: idToken,
        created_at: now,
        expires_at: now + consoleSessionLifetimeMs,
        last_seen_at: now,
      });
      reply.setCookie(consoleSessionCookie, id, {
        ...cookieOptions,
        maxAge: consoleSessionLifetimeMs / 1000,
      });
    },

    /** Loads the signed-in account, or throws `unauthenticated`; non-GET requests must carry the CSRF token. */
    async require(request: FastifyRequest): Promise<ConsoleSignedIn> {
      const id = request.cookies[consoleSessionCookie];
      const session = id
        ? await consoleSessions.findActive(hashToken(id), deps.clock())
        : undefined;
      const user = session ? await users.findById(session.user_id) : undefined;
      if (!session || !user || user.app_id !== 'console')
        throw new PortcullisError('unauthenticated');

      if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
        const token = request.headers['x-csrf-token'];
        if (typeof token !== 'string' || !constantTimeEqual(token, session.csrf_token)) {
          throw new PortcullisError('csrf_invalid');
        }
      }
      return { session, user };
    },

    async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      const id = request.cookies[consoleSessionCookie];
      if (id) await consoleSessions.delete(hashToken(id));
      reply.clearCookie(consoleSessionCookie, cookieOptions);
    },
  };
}

export type ConsoleSessions = ReturnType<typeof createConsoleSessions>;
