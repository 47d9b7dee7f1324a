import QRCode from 'qrcode';
import type { AuditContext, AuditService } from '../audit/service.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { generateId } from '../crypto/tokens.js';
import {
  buildOtpauthUri,
  generateTotpSecret,
  isWellFormedCode,
  matchTotpStep,
  normalizeCode,
  timeStepAt,
} from '../crypto/totp.js';
import { PortcullisError, lockedError } from '../http/errors.js';
import type { AppRow } from '../storage/apps.js';
import type { AuthenticatorRow } from '../storage/authenticators.js';
import type { Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/users.js';
import type { TrustedDeviceService } from './trusted-devices.js';
import { enrolmentLifetimeMs, mfaLockRule, mfaThrottleKey } from './policy.js';

export interface AuthenticatorView {
  id: string;
  name: string;
  createdAt: number;
  confirmedAt: number | null;
  lastUsedAt: number | null;
}

export interface Enrolment {
  id: string;
  name: string;
  secret: string;
  otpauthUri: string;
  qrCode: string;
}

export interface MfaServiceDependencies {
  repositories: Repositories;
  secretBox: SecretBox;
  audit: AuditService;
  clock: () => number;
  trustedDevices: TrustedDeviceService;
}

type CodeOutcome =
  { accepted: AuthenticatorRow } | { rejected: 'mfa_code_invalid' | 'mfa_code_used' };

const secretContext = (authenticatorId: string) => `authenticator:${authenticatorId}`;

/** The issuer shown in authenticator apps: "Portcullis" for console accounts, else the app's name. */
const issuerOf = (app: AppRow) => (app.id === 'console' ? 'Portcullis' : app.name);

const qrCodeOf = (otpauthUri: string) =>
  QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });

export function toAuthenticatorView(row: AuthenticatorRow): AuthenticatorView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    lastUsedAt: row.last_used_at,
  };
}

/** Authenticators, enrolment, code verification with replay protection and lockout, and reset. */
export function createMfaService({
  repositories,
  secretBox,
  audit,
  clock,
  trustedDevices,
}: MfaServiceDependencies) {
  const { authenticators, throttles } = repositories;

  async function assertNotLocked(
    context: AuditContext,
    appId: string,
    userId: string,
    now: number,
  ) {
    const key = mfaThrottleKey(appId, userId);
    const lockedUntil = await throttles.lockedUntil(key, now);
    if (lockedUntil !== null) throw lockedError('mfa_locked', lockedUntil, now);

    if (await throttles.clearEndedLock(key, now)) {
      await audit.record(context, { event: 'mfa.lock_ended', appId, userId });
    }
  }

  /** Counts a rejected code. The failure that reaches the limit locks MFA and throws `mfa_locked`. */
  async function rejectCode(
    context: AuditContext,
    appId: string,
    userId: string,
    code: 'mfa_code_invalid' | 'mfa_code_used',
    now: number,
  ): Promise<never> {
    const state = await throttles.addFailure(mfaThrottleKey(appId, userId), now, mfaLockRule);
    if (state.lockedUntil > now) {
      await audit.record(context, {
        event: 'mfa.locked',
        appId,
        userId,
        detail: { failures: state.failures, lockedUntil: state.lockedUntil },
      });
      throw lockedError('mfa_locked', state.lockedUntil, now);
    }
    throw new PortcullisError(code);
  }

  /**
   * Tries one code against the given authenticators and accepts the first match in one
   * conditional UPDATE. Returns the authenticator that accepted it, or the rejection reason.
   */
  async function acceptCode(
    rows: AuthenticatorRow[],
    code: string,
    now: number,
    confirm: boolean,
  ): Promise<CodeOutcome> {
    let matchedButUsed = false;
    for (const row of rows) {
      const secret = secretBox.open(row.secret_ciphertext, secretContext(row.id));
      const step = matchTotpStep(secret, code, now);
      if (step === null) continue;

      const offset = step - timeStepAt(now);
      if (await authenticators.acceptStep({ id: row.id, step, offset, now, confirm })) {
        return { accepted: row };
      }
      matchedButUsed = true;
    }
    return {
      rejected: matchedButUsed ? ('mfa_code_used' as const) : ('mfa_code_invalid' as const),
    };
  }

  /**
   * Accepts a typed code for one of `rows`, or counts its rejection towards the lock. A success
   * clears the count, since the lock counts rejections in a row.
   */
  async function settleCode(
    context: AuditContext,
    user: UserRow,
    rows: AuthenticatorRow[],
    input: string,
    now: number,
    confirm: boolean,
  ): Promise<AuthenticatorRow> {
    const code = normalizeCode(input);
    const result: CodeOutcome = isWellFormedCode(code)
      ? await acceptCode(rows, code, now, confirm)
      : { rejected: 'mfa_code_invalid' };
    if ('rejected' in result)
      return rejectCode(context, user.app_id, user.id, result.rejected, now);

    await throttles.reset(mfaThrottleKey(user.app_id, user.id));
    return result.accepted;
  }

  return {
    async status(userId: string) {
      const rows = await authenticators.listConfirmed(userId);
      return { enabled: rows.length > 0, authenticators: rows.map(toAuthenticatorView) };
    },

    /**
     * Checks the proof needed before adding an authenticator. With MFA on, it is a current code
     * from an existing authenticator: else a stolen session or access token could add its own
     * device and pass every later check with it. The first authenticator needs no code.
     */
    async assertMayAddAuthenticator(
      context: AuditContext,
      user: UserRow,
      code: string | undefined,
    ) {
      if ((await authenticators.countConfirmed(user.id)) === 0) return;
      if (!code) throw new PortcullisError('step_up_required');
      await this.verifyCode(context, user, code);
    },

    /** Issues a secret for a new authenticator, pending until a first code confirms it. */
    async startEnrolment(
      context: AuditContext,
      app: AppRow,
      user: UserRow,
      name: string,
    ): Promise<Enrolment> {
      const now = clock();
      const id = generateId();
      const secret = generateTotpSecret();
      const otpauthUri = buildOtpauthUri({ secret, issuer: issuerOf(app), account: user.email });

      await authenticators.deleteLapsedPending(now);
      await authenticators.insert({
        id,
        app_id: app.id,
        user_id: user.id,
        name,
        secret_ciphertext: secretBox.seal(secret, secretContext(id)),
        created_at: now,
        confirmed_at: null,
        pending_expires_at: now + enrolmentLifetimeMs,
        last_used_step: -1,
        last_used_at: null,
        last_offset: null,
      });
      await audit.record(context, {
        event: 'mfa.enrolment_started',
        appId: app.id,
        userId: user.id,
        detail: { authenticatorId: id },
      });

      const qrCode = await QRCode.toDataURL(otpauthUri, {
        errorCorrectionLevel: 'M',
        margin: 2,
        scale: 6,
      });
      return { id, name, secret, otpauthUri, qrCode };
    },

    /** Shows a pending enrolment again (the hosted enrolment page after a reload). */
    async pendingEnrolment(
      user: UserRow,
      app: AppRow,
      authenticatorId: string,
    ): Promise<Enrolment | null> {
      const row = await authenticators.findForUser(user.id, authenticatorId);
      if (!row || row.confirmed_at !== null || (row.pending_expires_at ?? 0) <= clock())
        return null;
      const secret = secretBox.open(row.secret_ciphertext, secretContext(row.id));
      const otpauthUri = buildOtpauthUri({ secret, issuer: issuerOf(app), account: user.email });
      return { id: row.id, name: row.name, secret, otpauthUri, qrCode: await qrCodeOf(otpauthUri) };
    },

    /** Confirms a pending enrolment with its first code; MFA is on from then on. */
    async confirmEnrolment(
      context: AuditContext,
      user: UserRow,
      authenticatorId: string,
      input: string,
    ) {
      const now = clock();
      await assertNotLocked(context, user.app_id, user.id, now);

      const row = await authenticators.findForUser(user.id, authenticatorId);
      if (!row || row.confirmed_at !== null)
        throw new PortcullisError('not_found', { thing: 'device' });
      if ((row.pending_expires_at ?? 0) <= now) throw new PortcullisError('mfa_enrolment_expired');

      await settleCode(context, user, [row], input, now, true);
      // Other enrolments started before MFA came on skipped step-up: they must not be confirmed
      // now, when adding a device needs a code from an existing one.
      await authenticators.deletePendingForUser(user.id);
      await audit.record(context, {
        event: 'mfa.enrolment_confirmed',
        appId: user.app_id,
        userId: user.id,
        detail: { authenticatorId },
      });
      const confirmed = await authenticators.findForUser(user.id, authenticatorId);
      return toAuthenticatorView(confirmed ?? row);
    },

    /**
     * Verifies a code of any of the user's confirmed authenticators. A code works once; wrong,
     * replayed and malformed codes all count towards the lock. Throws a PortcullisError on rejection.
     */
    async verifyCode(
      context: AuditContext,
      user: UserRow,
      input: string,
    ): Promise<AuthenticatorRow> {
      const now = clock();
      await assertNotLocked(context, user.app_id, user.id, now);

      const rows = await authenticators.listConfirmed(user.id);
      if (rows.length === 0) throw new PortcullisError('mfa_not_enrolled');

      return settleCode(context, user, rows, input, now, false);
    },

    /** Removes an authenticator after a fresh code (step-up); removing the last one turns MFA off. */
    async removeAuthenticator(
      context: AuditContext,
      app: AppRow,
      user: UserRow,
      authenticatorId: string,
      code: string,
    ) {
      const target = await authenticators.findForUser(user.id, authenticatorId);
      if (!target) throw new PortcullisError('not_found', { thing: 'device' });

      const confirmedCount = await authenticators.countConfirmed(user.id);
      const isLast = target.confirmed_at !== null && confirmedCount === 1;
      if (isLast && app.mfa_policy === 'on')
        throw new PortcullisError('mfa_last_authenticator_required');

      if (confirmedCount > 0) await this.verifyCode(context, user, code);

      await authenticators.delete(user.id, authenticatorId);
      await audit.record(context, {
        event: 'mfa.authenticator_removed',
        appId: app.id,
        userId: user.id,
        detail: { authenticatorId },
      });
      if (isLast) {
        await audit.record(context, { event: 'mfa.disabled', appId: app.id, userId: user.id });
        await trustedDevices.forgetAll(context, user, 'last authenticator removed');
      }
    },

    /**
     * Removes every authenticator of a user (lost phone, MFA turned off) and ends the user's
     * trusted devices; the reason is kept in the audit trail.
     */
    async resetMfa(context: AuditContext, user: UserRow, reason: string) {
      const removed = await authenticators.deleteAllForUser(user.id);
      await throttles.reset(mfaThrottleKey(user.app_id, user.id));
      await trustedDevices.forgetAll(context, user, 'MFA reset');
      await audit.record(context, {
        event: 'mfa.reset',
        appId: user.app_id,
        userId: user.id,
        detail: { removed, reason },
      });
      return { removed };
    },
  };
}

export type MfaService = ReturnType<typeof createMfaService>;
