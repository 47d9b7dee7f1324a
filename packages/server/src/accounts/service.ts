import { z } from 'zod';
import type { AuditContext, AuditService } from '../audit/service.js';
import {
  hashPassword,
  maxPasswordLength,
  minPasswordLength,
  verifyDecoyPassword,
  verifyPassword,
} from '../crypto/passwords.js';
import { generateId, hashToken } from '../crypto/tokens.js';
import { PortcullisError, lockedError } from '../http/errors.js';
import type { AppRow } from '../storage/apps.js';
import type { Repositories } from '../storage/repositories.js';
import type { ThrottleRule } from '../storage/throttles.js';
import type { UserRow } from '../storage/users.js';

/** Failed passwords per email and app that lock its sign-in, whether or not the account exists. */
export const passwordLockRule: ThrottleRule = {
  maxFailures: 10,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/** Failed passwords per client IP address, across all emails, that pause sign-in from that address. */
export const ipLockRule: ThrottleRule = {
  maxFailures: 100,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export const emailSchema = z.email().max(254);

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const passwordThrottleKey = (appId: string, email: string) =>
  `password:${appId}:${hashToken(normalizeEmail(email))}`;
const ipThrottleKey = (ip: string) => `ip:${ip}`;

/** Users of an app: sign-up and password sign-in with lockouts that do not reveal accounts. */
export function createAccountService(deps: {
  repositories: Repositories;
  audit: AuditService;
  clock: () => number;
}) {
  const { users, throttles } = deps.repositories;

  function checkPassword(password: string) {
    if (password.length < minPasswordLength)
      throw new PortcullisError('password_too_short', { min: minPasswordLength });
    if (password.length > maxPasswordLength)
      throw new PortcullisError('password_too_long', { max: maxPasswordLength });
  }

  async function assertNotLocked(
    context: AuditContext,
    appId: string,
    keys: string[],
    now: number,
  ) {
    for (const key of keys) {
      const lockedUntil = await throttles.lockedUntil(key, now);
      if (lockedUntil !== null) throw lockedError('sign_in_locked', lockedUntil, now);
      if (await throttles.clearEndedLock(key, now)) {
        await deps.audit.record(context, {
          event: 'sign_in.lock_ended',
          appId,
          detail: { subject: key.startsWith('ip:') ? 'ip address' : 'email' },
        });
      }
    }
  }

  return {
    async signUp(
      context: AuditContext,
      app: AppRow,
      email: string,
      password: string,
    ): Promise<UserRow> {
      const parsedEmail = emailSchema.safeParse(email.trim());
      if (!parsedEmail.success)
        throw new PortcullisError('invalid_request', { detail: 'email is not a valid address' });
      checkPassword(password);

      const now = deps.clock();
      const user: UserRow = {
        id: generateId(),
        app_id: app.id,
        email: parsedEmail.data,
        email_normalized: normalizeEmail(parsedEmail.data),
        password_hash: await hashPassword(password),
        created_at: now,
        password_changed_at: now,
      };
      // NOTE: "email taken" reveals to a visitor that the address has an account; hiding it needs email verification.
      if (!(await users.insert(user))) throw new PortcullisError('email_taken');
      await deps.audit.record(context, {
        event: 'account.signed_up',
        appId: app.id,
        userId: user.id,
      });
      return user;
    },

    /**
     * Checks the password of a signed-in user as step-up proof. Failures count towards the same
     * lock as sign-in failures, so a stolen session cannot guess the password without limit.
     */
    async confirmPassword(context: AuditContext, user: UserRow, password: string): Promise<void> {
      const now = deps.clock();
      const key = passwordThrottleKey(user.app_id, user.email);
      await assertNotLocked(context, user.app_id, [key], now);
      const state = await throttles.addFailure(key, now, passwordLockRule);
      if (state.failures > passwordLockRule.maxFailures) {
        throw lockedError('sign_in_locked', state.lockedUntil, now);
      }
      if (await verifyPassword(user.password_hash, password)) {
        await throttles.reset(key);
        return;
      }

      await deps.audit.record(context, {
        event: 'step_up.failed',
        appId: user.app_id,
        userId: user.id,
        detail: { reason: 'password', failures: state.failures },
      });
      if (state.lockedUntil > now) {
        await deps.audit.record(context, {
          event: 'sign_in.locked',
          appId: user.app_id,
          userId: user.id,
        });
        throw lockedError('sign_in_locked', state.lockedUntil, now);
      }
      throw new PortcullisError('password_invalid');
    },

    /** Sets a new password (an administrator's reset); the caller ends the trusted devices. */
    async resetPassword(context: AuditContext, user: UserRow, password: string): Promise<void> {
      checkPassword(password);
      await users.updatePassword(user.id, await hashPassword(password), deps.clock());
      await throttles.reset(passwordThrottleKey(user.app_id, user.email));
      await deps.audit.record(context, {
        event: 'user.password_reset',
        appId: user.app_id,
        userId: user.id,
      });
    },

    /** Checks an email and password; throws `invalid_credentials` or `sign_in_locked`. */
    async authenticate(
      context: AuditContext,
      app: AppRow,
      email: string,
      password: string,
    ): Promise<UserRow> {
      const now = deps.clock();
      const keys = [
        passwordThrottleKey(app.id, email),
        ...(context.ip ? [ipThrottleKey(context.ip)] : []),
      ];
      await assertNotLocked(context, app.id, keys, now);

      // The attempt is counted before the password is checked, so parallel guesses cannot all
      // pass the lock check above: those beyond the limit are refused unchecked.
      const emailState = await throttles.addFailure(keys[0] as string, now, passwordLockRule);
      if (emailState.failures > passwordLockRule.maxFailures) {
        throw lockedError('sign_in_locked', emailState.lockedUntil, now);
      }

      const user = await users.findByEmail(app.id, normalizeEmail(email));
      const valid = user
        ? await verifyPassword(user.password_hash, password)
        : await verifyDecoyPassword(password);
      if (user && valid) {
        await throttles.reset(keys[0] as string);
        return user;
      }

      if (keys[1]) await throttles.addFailure(keys[1], now, ipLockRule);
      await deps.audit.record(context, {
        event: 'sign_in.failed',
        appId: app.id,
        userId: user?.id ?? null,
        detail: { reason: 'password', failures: emailState.failures },
      });
      if (emailState.lockedUntil > now) {
        await deps.audit.record(context, {
          event: 'sign_in.locked',
          appId: app.id,
          userId: user?.id ?? null,
        });
        throw lockedError('sign_in_locked', emailState.lockedUntil, now);
      }
      throw new PortcullisError('invalid_credentials');
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
