import type { Db } from './database.js';

export function createServerKeyRepository(db: Db) {
  return {
    /**
     * Returns the stored value of a key, creating it first if absent. When several instances
     * start at once, the first INSERT wins and every instance reads the winner's value.
     */
    async getOrCreate(name: string, create: () => string, now: number): Promise<string> {
      await db
        .insertInto('server_keys')
        .values({ name, sealed_value: create(), created_at: now })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .execute();
      const row = await db
        .selectFrom('server_keys')
        .select('sealed_value')
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return row.sealed_value;
    },
  };
}
