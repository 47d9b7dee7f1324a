import type { Db } from './database.js';

/** Storage of oidc-provider's models (sessions, grants, codes, tokens, interactions, clients). */
export function createOidcPayloadRepository(db: Db) {
  const active = (now: number) =>
    db
      .selectFrom('oidc_payloads')
      .select(['payload', 'consumed_at'])
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));

  return {
    async upsert(row: {
      model: string;
      id: string;
      payload: string;
      grantId: string | null;
      userCode: string | null;
      uid: string | null;
      expiresAt: number | null;
    }): Promise<void> {
      const values = {
        payload: row.payload,
        grant_id: row.grantId,
        user_code: row.userCode,
        uid: row.uid,
        expires_at: row.expiresAt,
      };
      await db
        .insertInto('oidc_payloads')
        .values({ model: row.model, id: row.id, consumed_at: null, ...values })
        .onConflict((conflict) => conflict.columns(['model', 'id']).doUpdateSet(values))
        .execute();
    },

    find(model: string, id: string, now: number) {
      return active(now).where('model', '=', model).where('id', '=', id).executeTakeFirst();
    },

    findByUid(model: string, uid: string, now: number) {
      return active(now).where('model', '=', model).where('uid', '=', uid).executeTakeFirst();
    },

    findByUserCode(model: string, userCode: string, now: number) {
      return active(now)
        .where('model', '=', model)
        .where('user_code', '=', userCode)
        .executeTakeFirst();
    },

    /** Marks a payload consumed in one conditional UPDATE; false when it already was. */
    async consume(model: string, id: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('oidc_payloads')
        .set({ consumed_at: now })
        .where('model', '=', model)
        .where('id', '=', id)
        .where('consumed_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async destroy(model: string, id: string): Promise<void> {
      await db
        .deleteFrom('oidc_payloads')
        .where('model', '=', model)
        .where('id', '=', id)
        .execute();
    },

    /** Deletes one model's artifacts of a grant; the grant's pending interaction must survive. */
    async revokeByGrantId(model: string, grantId: string): Promise<void> {
      await db
        .deleteFrom('oidc_payloads')
        .where('model', '=', model)
        .where('grant_id', '=', grantId)
        .execute();
    },

    async deleteExpired(now: number): Promise<void> {
      await db.deleteFrom('oidc_payloads').where('expires_at', '<=', now).execute();
    },
  };
}
