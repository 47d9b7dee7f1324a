import type { Db } from './database.js';
import type { ApiKeysTable } from './schema.js';

export type ApiKeyRow = ApiKeysTable;

export function createApiKeyRepository(db: Db) {
  return {
    async insert(row: ApiKeyRow): Promise<void> {
      await db.insertInto('api_keys').values(row).execute();
    },

    listForApp(appId: string): Promise<ApiKeyRow[]> {
      return db
        .selectFrom('api_keys')
        .selectAll()
        .where('app_id', '=', appId)
        .orderBy('created_at')
        .execute();
    },

    findByHash(keyHash: string): Promise<ApiKeyRow | undefined> {
      return db
        .selectFrom('api_keys')
        .selectAll()
        .where('key_hash', '=', keyHash)
        .executeTakeFirst();
    },

    async touch(id: string, now: number): Promise<void> {
      await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
    },

    /** Revokes a key by deleting it, so the next request with it fails at once. */
    async delete(appId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('api_keys')
        .where('app_id', '=', appId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
