import { sql } from 'kysely';
import type { Db } from './database.js';

export function createRateLimitRepository(db: Db) {
  return {
    /**
     * Counts one request in a fixed window with a single upsert, so instances sharing the
     * database share the count. Returns the count and when the current window started.
     */
    async hit(key: string, now: number, windowMs: number) {
      const expired = sql<boolean>`rate_limits.window_started_at <= ${now - windowMs}`;
      const row = await db
        .insertInto('rate_limits')
        .values({ key, window_started_at: now, count: 1 })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({
            count: sql<number>`case when ${expired} then 1 else rate_limits.count + 1 end`,
            window_started_at: sql<number>`case when ${expired} then ${now} else rate_limits.window_started_at end`,
          }),
        )
        .returning(['count', 'window_started_at'])
        .executeTakeFirstOrThrow();
      return { count: Number(row.count), windowStartedAt: Number(row.window_started_at) };
    },
  };
}
