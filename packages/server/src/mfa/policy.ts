import type { ThrottleRule } from '../storage/throttles.js';

/** Rejected codes (wrong, replayed or malformed) that end one sign-in's MFA challenge. */
export const maxChallengeFailures = 5;

/** How long a sign-in may wait at the code step. */
export const challengeLifetimeMs = 10 * 60_000;

/** Rejected codes in a row within 15 minutes that lock a user's MFA for 15 minutes, across instances. */
export const mfaLockRule: ThrottleRule = {
  maxFailures: 10,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/** How long a pending enrolment (secret issued, no code yet) stays open. */
export const enrolmentLifetimeMs = 10 * 60_000;

export const mfaThrottleKey = (appId: string, userId: string) => `mfa:${appId}:${userId}`;
