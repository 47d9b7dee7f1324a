import type { Db } from './database.js';
import type { TrustedDevicesTable } from './schema.js';

export type TrustedDeviceRow = TrustedDevicesTable;

export function createTrustedDeviceRepository(db: Db) {
  return {
    async insert(row: TrustedDeviceRow): Promise<void> {
      await db.insertInto('trusted_devices').values(row).execute();
    },

    findByTokenHash(tokenHash: string): Promise<TrustedDeviceRow | undefined> {
      return db
        .selectFrom('trusted_devices')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    findByPreviousTokenHash(tokenHash: string): Promise<TrustedDeviceRow | undefined> {
      return db
        .selectFrom('trusted_devices')
        .selectAll()
        .where('previous_token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    listForUser(appId: string, userId: string, now: number): Promise<TrustedDeviceRow[]> {
      return db
        .selectFrom('trusted_devices')
        .selectAll()
        .where('app_id', '=', appId)
        .where('user_id', '=', userId)
        .where('expires_at', '>', now)
        .orderBy('last_used_at', 'desc')
        .execute();
    },

    /**
     * Swaps the token in one conditional UPDATE. Two requests presenting the same token race
     * here and only one gets a changed row, so a copied cookie cannot be rotated twice.
     */
    async rotate(options: {
      id: string;
      currentHash: string;
      nextHash: string;
      now: number;
    }): Promise<boolean> {
      const result = await db
        .updateTable('trusted_devices')
        .set({
          token_hash: options.nextHash,
          previous_token_hash: options.currentHash,
          last_used_at: options.now,
        })
        .where('id', '=', options.id)
        .where('token_hash', '=', options.currentHash)
        .where('expires_at', '>', options.now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async delete(appId: string, userId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('trusted_devices')
        .where('app_id', '=', appId)
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async deleteById(id: string): Promise<void> {
      await db.deleteFrom('trusted_devices').where('id', '=', id).execute();
    },

    async deleteForUser(appId: string, userId: string): Promise<number> {
      const result = await db
        .deleteFrom('trusted_devices')
        .where('app_id', '=', appId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteForApp(appId: string): Promise<number> {
      const result = await db
        .deleteFrom('trusted_devices')
        .where('app_id', '=', appId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Brings every device of an app within a shorter trust period, counted from its creation. */
    async shortenForApp(appId: string, periodMs: number): Promise<void> {
      await db
        .updateTable('trusted_devices')
        .set((eb) => ({ expires_at: eb('created_at', '+', periodMs) }))
        .where('app_id', '=', appId)
        .where((eb) => eb('expires_at', '>', eb('created_at', '+', periodMs)))
        .execute();
    },

    async deleteExpired(now: number): Promise<void> {
      await db.deleteFrom('trusted_devices').where('expires_at', '<=', now).execute();
    },
  };
}
