import type { Db } from './database.js';
import type { UsersTable } from './schema.js';

export type UserRow = UsersTable;

export function createUserRepository(db: Db) {
  return {
    /** Inserts a user; returns false when the app already has a user with that email. */
    async insert(user: UserRow): Promise<boolean> {
      const result = await db
        .insertInto('users')
        .values(user)
        .onConflict((conflict) => conflict.columns(['app_id', 'email_normalized']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    findById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findByEmail(appId: string, emailNormalized: string): Promise<UserRow | undefined> {
      return db
        .selectFrom('users')
        .selectAll()
        .where('app_id', '=', appId)
        .where('email_normalized', '=', emailNormalized)
        .executeTakeFirst();
    },
  };
}
