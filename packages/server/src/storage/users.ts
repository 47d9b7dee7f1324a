import { sql } from 'kysely';
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

    /** Lists an app's users by email, optionally those whose email contains `query`. */
    async list(appId: string, options: { query?: string; limit: number; offset: number }) {
      let base = db.selectFrom('users').where('app_id', '=', appId);
      if (options.query) {
        const pattern = `%${options.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        base = base.where(sql<boolean>`email_normalized like ${pattern} escape '\\'`);
      }
      const [rows, total] = await Promise.all([
        base
          .selectAll()
          .orderBy('email_normalized')
          .limit(options.limit)
          .offset(options.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.count) };
    },

    async updatePassword(id: string, passwordHash: string, now: number): Promise<void> {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash, password_changed_at: now })
        .where('id', '=', id)
        .execute();
    },

    async delete(appId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('users')
        .where('app_id', '=', appId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
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
