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
