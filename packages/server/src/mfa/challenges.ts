import type { AuditContext, AuditService } from '../audit/service.js';
import { generateId } from '../crypto/tokens.js';
import { PortcullisError } from '../http/errors.js';
import type { Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/users.js';
import { challengeLifetimeMs, maxChallengeFailures } from './policy.js';
import type { MfaService } from './service.js';

/** Creates the code step of one sign-in: opened after the password, passed once, ended by 5 rejections. */
export function createMfaChallengeService(deps: {
  repositories: Repositories;
  mfa: MfaService;
  audit: AuditService;
  clock: () => number;
}) {
  const { mfaChallenges } = deps.repositories;

  return {
    /** Opens the code step of a sign-in; with `authenticatorId` it confirms that pending enrolment. */
    async open(
      interactionUid: string,
      user: UserRow,
      authenticatorId: string | null = null,
    ): Promise<void> {
      const now = deps.clock();
      await mfaChallenges.deleteEnded(now);
      await mfaChallenges.deleteForInteraction(interactionUid);
      await mfaChallenges.insert({
        id: generateId(),
        app_id: user.app_id,
        user_id: user.id,
        interaction_uid: interactionUid,
        authenticator_id: authenticatorId,
        failures: 0,
        created_at: now,
        expires_at: now + challengeLifetimeMs,
        consumed_at: null,
      });
    },

    /** Returns who waits at this interaction's code step, and the enrolment it confirms, if any. */
    async pending(interactionUid: string) {
      const now = deps.clock();
      const challenge = await mfaChallenges.findOpen(interactionUid, now, maxChallengeFailures);
      if (!challenge) return null;
      return { userId: challenge.user_id, authenticatorId: challenge.authenticator_id };
    },

    /**
     * Checks a code for the interaction's challenge. Throws the code's rejection, or
     * `challenge_ended` when this rejection was the last one allowed (back to the password page).
     */
    async pass(
      context: AuditContext,
      interactionUid: string,
      user: UserRow,
      code: string,
    ): Promise<void> {
      const challenge = await mfaChallenges.findOpen(
        interactionUid,
        deps.clock(),
        maxChallengeFailures,
      );
      if (!challenge || challenge.user_id !== user.id) throw new PortcullisError('challenge_ended');

      try {
        if (challenge.authenticator_id) {
          await deps.mfa.confirmEnrolment(context, user, challenge.authenticator_id, code);
        } else {
          await deps.mfa.verifyCode(context, user, code);
        }
      } catch (error) {
        if (!(error instanceof PortcullisError) || error.code === 'mfa_locked') throw error;
        const failures = await mfaChallenges.addFailure(challenge.id);
        await deps.audit.record(context, {
          event: 'mfa.challenge_failed',
          appId: user.app_id,
          userId: user.id,
          detail: { reason: error.code, failures },
        });
        if (failures >= maxChallengeFailures) {
          await deps.audit.record(context, {
            event: 'mfa.challenge_ended',
            appId: user.app_id,
            userId: user.id,
          });
          throw new PortcullisError('challenge_ended');
        }
        throw error;
      }

      if (!(await mfaChallenges.consume(challenge.id, deps.clock(), maxChallengeFailures))) {
        throw new PortcullisError('challenge_ended');
      }
    },
  };
}

export type MfaChallengeService = ReturnType<typeof createMfaChallengeService>;
