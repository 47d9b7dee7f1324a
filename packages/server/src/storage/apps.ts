import type { Db } from './database.js';
import type { AppsTable } from './schema.js';

export type AppRow = AppsTable;

export function createAppRepository(db: Db) {
  return {
    findById(id: string): Promise<AppRow | undefined> {
      return db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findByClientId(clientId: string): Promise<AppRow | undefined> {
      return db.selectFrom('apps').selectAll().where('client_id', '=', clientId).executeTakeFirst();
    },

    listByOwner(ownerUserId: string): Promise<AppRow[]> {
      return db
        .selectFrom('apps')
        .selectAll()
        .where('owner_user_id', '=', ownerUserId)
        .orderBy('created_at')
        .execute();
    },

    async insert(app: AppRow): Promise<void> {
      await db.insertInto('apps').values(app).execute();
    },

    async update(
      id: string,
      changes: Partial<Omit<AppRow, 'id' | 'client_id' | 'owner_user_id' | 'created_at'>>,
    ): Promise<void> {
      if (Object.keys(changes).length === 0) return;
      await db.updateTable('apps').set(changes).where('id', '=', id).execute();
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('apps').where('id', '=', id).execute();
    },

    /** Inserts the app unless a row with its id exists, then sets the given redirect URLs. */
    async upsertBuiltIn(app: AppRow): Promise<void> {
      await db
        .insertInto('apps')
        .values(app)
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet({
            redirect_uris: app.redirect_uris,
            post_logout_redirect_uris: app.post_logout_redirect_uris,
          }),
        )
        .execute();
    },
  };
}
