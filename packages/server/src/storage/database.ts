import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

// int8 (bigint) columns hold epoch milliseconds, which fit a JavaScript number exactly;
// without this, node-postgres returns them as strings.
const postgresTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Opens the database named by the target. SQLite runs in WAL mode so the CLI can share the file. */
export function openDatabase(target: DatabaseTarget): Db {
  if (target.kind === 'sqlite') {
    // The folder contains password hashes and sealed secrets: only the service's user may read it.
    fs.mkdirSync(path.dirname(target.file), { recursive: true, mode: 0o700 });
    const sqlite = new SQLite(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  }

  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    types: postgresTypes,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
