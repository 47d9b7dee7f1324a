import type { Db } from './database.js';
import type { ConsoleSessionsTable } from './schema.js';

export type ConsoleSessionRow = ConsoleSessionsTable;

export function createConsoleSessionRepository(db: Db) {
  return {
    async insert(row: ConsoleSessionRow): Promise<void> {
      await db.insertInto('console_sessions').values(row).execute();
    },

    findActive(idHash: string, now: number): Promise<ConsoleSessionRow | undefined> {
      return db
        .selectFrom('console_sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .where('expires_at', '>', now)
        .executeTakeFirst();
    },

    async touch(idHash: string, now: number): Promise<void> {
      await db
        .updateTable('console_sessions')
        .set({ last_seen_at: now })
        .where('id_hash', '=', idHash)
        .execute();
    },

    async delete(idHash: string): Promise<void> {
      await db.deleteFrom('console_sessions').where('id_hash', '=', idHash).execute();
    },

    async deleteExpired(now: number): Promise<void> {
      await db.deleteFrom('console_sessions').where('expires_at', '<=', now).execute();
    },
  };
}
