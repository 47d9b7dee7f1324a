import type { Db } from './database.js';
import type { MfaChallengesTable } from './schema.js';

export type MfaChallengeRow = MfaChallengesTable;

export function createMfaChallengeRepository(db: Db) {
  return {
    async insert(row: MfaChallengeRow): Promise<void> {
      await db.insertInto('mfa_challenges').values(row).execute();
    },

    /** Finds the open challenge of a sign-in interaction, if it has not expired or ended. */
    findOpen(interactionUid: string, now: number, maxFailures: number) {
      return db
        .selectFrom('mfa_challenges')
        .selectAll()
        .where('interaction_uid', '=', interactionUid)
        .where('consumed_at', 'is', null)
        .where('expires_at', '>', now)
        .where('failures', '<', maxFailures)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
    },

    /** Counts a rejected code in one UPDATE and returns the new count (0 if the challenge is gone). */
    async addFailure(id: string): Promise<number> {
      const row = await db
        .updateTable('mfa_challenges')
        .set((eb) => ({ failures: eb('failures', '+', 1) }))
        .where('id', '=', id)
        .returning('failures')
        .executeTakeFirst();
      return row?.failures ?? 0;
    },

    /** Marks the challenge passed; false when another request passed or ended it first. */
    async consume(id: string, now: number, maxFailures: number): Promise<boolean> {
      const result = await db
        .updateTable('mfa_challenges')
        .set({ consumed_at: now })
        .where('id', '=', id)
        .where('consumed_at', 'is', null)
        .where('expires_at', '>', now)
        .where('failures', '<', maxFailures)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async deleteForInteraction(interactionUid: string): Promise<void> {
      await db.deleteFrom('mfa_challenges').where('interaction_uid', '=', interactionUid).execute();
    },

    async deleteEnded(now: number): Promise<void> {
      await db.deleteFrom('mfa_challenges').where('expires_at', '<=', now).execute();
    },
  };
}
