import { sql } from 'kysely';
import type { Db } from './database.js';

export interface ThrottleRule {
  /** Failures within the window that start a lock. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export interface ThrottleState {
  failures: number;
  lockedUntil: number;
}

export function createThrottleRepository(db: Db) {
  return {
    async lockedUntil(key: string, now: number): Promise<number | null> {
      const row = await db
        .selectFrom('throttles')
        .select('locked_until')
        .where('key', '=', key)
        .executeTakeFirst();
      return row && row.locked_until > now ? row.locked_until : null;
    },

    /**
     * Counts one failure in a single INSERT ... ON CONFLICT statement, so instances sharing the
     * database count every failure exactly once. A window that has passed, or a lock that has
     * ended, starts the count again at 1. The row reaching `maxFailures` sets the lock.
     */
    async addFailure(key: string, now: number, rule: ThrottleRule): Promise<ThrottleState> {
      const windowStart = now - rule.windowMs;
      const restart = sql<boolean>`(throttles.window_started_at <= ${windowStart} or (throttles.locked_until > 0 and throttles.locked_until <= ${now}))`;
      const failures = sql<number>`case when ${restart} then 1 else throttles.failures + 1 end`;
      const row = await db
        .insertInto('throttles')
        .values({
          key,
          failures: 1,
          window_started_at: now,
          locked_until: rule.maxFailures <= 1 ? now + rule.lockMs : 0,
        })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({
            failures,
            window_started_at: sql<number>`case when ${restart} then ${now} else throttles.window_started_at end`,
            locked_until: sql<number>`case when ${failures} >= ${rule.maxFailures} then ${now + rule.lockMs} when ${restart} then 0 else throttles.locked_until end`,
          }),
        )
        .returning(['failures', 'locked_until'])
        .executeTakeFirstOrThrow();
      return { failures: Number(row.failures), lockedUntil: Number(row.locked_until) };
    },

    /** Clears a lock whose time has passed; true for exactly one caller, so its end is recorded once. */
    async clearEndedLock(key: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('throttles')
        .set({ failures: 0, locked_until: 0, window_started_at: now })
        .where('key', '=', key)
        .where('locked_until', '>', 0)
        .where('locked_until', '<=', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async reset(key: string): Promise<void> {
      await db.deleteFrom('throttles').where('key', '=', key).execute();
    },
  };
}
