import type { Db } from './database.js';
import type { AuthenticatorsTable } from './schema.js';

export type AuthenticatorRow = AuthenticatorsTable;

export function createAuthenticatorRepository(db: Db) {
  return {
    async insert(row: AuthenticatorRow): Promise<void> {
      await db.insertInto('authenticators').values(row).execute();
    },

    findForUser(userId: string, id: string): Promise<AuthenticatorRow | undefined> {
      return db
        .selectFrom('authenticators')
        .selectAll()
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Finds the newest pending enrolment of a user that has not lapsed. */
    findLatestPending(userId: string, now: number): Promise<AuthenticatorRow | undefined> {
      return db
        .selectFrom('authenticators')
        .selectAll()
        .where('user_id', '=', userId)
        .where('confirmed_at', 'is', null)
        .where('pending_expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
    },

    listConfirmed(userId: string): Promise<AuthenticatorRow[]> {
      return db
        .selectFrom('authenticators')
        .selectAll()
        .where('user_id', '=', userId)
        .where('confirmed_at', 'is not', null)
        .orderBy('created_at')
        .execute();
    },

    async countConfirmed(userId: string): Promise<number> {
      const row = await db
        .selectFrom('authenticators')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('user_id', '=', userId)
        .where('confirmed_at', 'is not', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    /**
     * Accepts a time step for an authenticator in one conditional UPDATE. Two requests with the
     * same code, on one instance or several, race on this row and only one changes it,
     * so a code works once. Confirming a pending enrolment goes through the same statement.
     */
    async acceptStep(options: {
      id: string;
      step: number;
      offset: number;
      now: number;
      confirm: boolean;
    }): Promise<boolean> {
      let query = db
        .updateTable('authenticators')
        .set({
          last_used_step: options.step,
          last_used_at: options.now,
          last_offset: options.offset,
        })
        .where('id', '=', options.id)
        .where('last_used_step', '<', options.step);
      if (options.confirm) {
        query = query
          .set({ confirmed_at: options.now, pending_expires_at: null })
          .where('confirmed_at', 'is', null)
          .where('pending_expires_at', '>', options.now);
      } else {
        query = query.where('confirmed_at', 'is not', null);
      }
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async delete(userId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('authenticators')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async deleteAllForUser(userId: string): Promise<number> {
      const result = await db
        .deleteFrom('authenticators')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Deletes a user's pending enrolments, e.g. the ones started before MFA came on. */
    async deletePendingForUser(userId: string): Promise<void> {
      await db
        .deleteFrom('authenticators')
        .where('user_id', '=', userId)
        .where('confirmed_at', 'is', null)
        .execute();
    },

    async deleteLapsedPending(now: number): Promise<void> {
      await db
        .deleteFrom('authenticators')
        .where('confirmed_at', 'is', null)
        .where('pending_expires_at', '<=', now)
        .execute();
    },
  };
}
