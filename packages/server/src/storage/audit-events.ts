import type { Db } from './database.js';
import type { AuditEventsTable } from './schema.js';

export type AuditEventRow = AuditEventsTable;

export function createAuditEventRepository(db: Db) {
  return {
    async insert(row: AuditEventRow): Promise<void> {
      await db.insertInto('audit_events').values(row).execute();
    },

    listForUser(userId: string, limit = 100): Promise<AuditEventRow[]> {
      return db
        .selectFrom('audit_events')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('at', 'desc')
        .limit(limit)
        .execute();
    },

    listRecent(limit = 100): Promise<AuditEventRow[]> {
      return db.selectFrom('audit_events').selectAll().orderBy('at', 'desc').limit(limit).execute();
    },
  };
}
