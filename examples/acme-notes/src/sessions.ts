import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const sessionCookie = 'acme_session';
const sessionLifetimeMs = 8 * 60 * 60_000;

/** State of one authorization request, kept until its callback arrives. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The signed-in user and the tokens of their sign-in. */
export interface SignedInUser {
  userId: string;
  email: string;
  /** Authentication methods of the sign-in, from the ID token's `amr` claim. */
  amr: string[];
  idToken: string;
  accessToken: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  accessTokenExpiresAt: number;
  refreshToken?: string;
}

/** A TOTP secret issued by Portcullis and waiting for its first code. */
export interface PendingEnrolment {
  secret: string;
  otpauthUri: string;
}

export interface Session {
  csrfToken: string;
  expiresAt: number;
  pendingSignIn?: PendingSignIn;
  user?: SignedInUser;
  enrolment?: PendingEnrolment;
  /** A sentence shown once on the next page, such as the result of a form. */
  notice?: string;
}

const randomId = () => randomBytes(32).toString('base64url');

/**
 * Browser sessions of the sample. The cookie holds only a random id; the session lives in this
 * process's memory.
 *
 * NOTE: an in-memory map loses every session on restart and cannot be shared by several
 * processes. A real app keeps sessions in a database or a store such as Redis.
 */
export function createSessionStore(options: { secureCookies: boolean }) {
  const sessions = new Map<string, Session>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookies,
  };

  function removeExpired(now: number): void {
    for (const [id, session] of sessions) {
      if (session.expiresAt <= now) sessions.delete(id);
    }
  }

  function create(reply: FastifyReply): Session {
    const now = Date.now();
    removeExpired(now);
    const id = randomId();
    const session: Session = { csrfToken: randomId(), expiresAt: now + sessionLifetimeMs };
    sessions.set(id, session);
    reply.setCookie(sessionCookie, id, { ...cookieOptions, maxAge: sessionLifetimeMs / 1000 });
    return session;
  }

  function find(request: FastifyRequest): Session | undefined {
    const id = request.cookies[sessionCookie];
    const session = id === undefined ? undefined : sessions.get(id);
    if (session === undefined || session.expiresAt <= Date.now()) return undefined;
    return session;
  }

  return {
    find,

    /** Returns the browser's session, starting a new one when it has none. */
    load(request: FastifyRequest, reply: FastifyReply): Session {
      return find(request) ?? create(reply);
    },

    /**
     * Ends the browser's session and starts an empty one under a new id, so that an id planted
     * in the browser before sign-in never becomes a signed-in session (session fixation).
     */
    renew(request: FastifyRequest, reply: FastifyReply): Session {
      const oldId = request.cookies[sessionCookie];
      if (oldId !== undefined) sessions.delete(oldId);
      return create(reply);
    },

    end(request: FastifyRequest, reply: FastifyReply): void {
      const id = request.cookies[sessionCookie];
      if (id !== undefined) sessions.delete(id);
      reply.clearCookie(sessionCookie, cookieOptions);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** Compares a submitted CSRF token with the session's in constant time. */
export function isValidCsrfToken(session: Session, submitted: unknown): boolean {
  if (typeof submitted !== 'string') return false;
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(submitted);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
