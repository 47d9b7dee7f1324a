import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/config.js';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** Creates an empty database (a new SQLite file or a new PostgreSQL schema). */
  create(): Promise<{ target: DatabaseTarget; dataDir: string; drop(): Promise<void> }>;
}

const postgresUrl = process.env.PORTCULLIS_TEST_DATABASE_URL;

if (process.env.CI === 'true' && !postgresUrl) {
  throw new Error(
    'CI=true but PORTCULLIS_TEST_DATABASE_URL is not set: the PostgreSQL suites cannot run.',
  );
}
if (!postgresUrl) {
  console.warn(
    'PORTCULLIS_TEST_DATABASE_URL is not set: the PostgreSQL variants of the storage suites do not run.',
  );
}

function temporaryDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'portcullis-test-'));
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dataDir = temporaryDataDir();
    return {
      target: { kind: 'sqlite', file: path.join(dataDir, 'portcullis.sqlite') },
      dataDir,
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: TestDatabase = {
  name: 'postgres',
  async create() {
    const schema = `portcullis_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
    const dataDir = temporaryDataDir();
    return {
      target: { kind: 'postgres', url: postgresUrl as string, schema },
      dataDir,
      async drop() {
        const cleaner = new pg.Client({ connectionString: postgresUrl });
        await cleaner.connect();
        await cleaner.query(`drop schema ${schema} cascade`);
        await cleaner.end();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** The databases every storage suite runs on: SQLite always, PostgreSQL when its URL is set. */
export const testDatabases: TestDatabase[] = postgresUrl ? [sqlite, postgres] : [sqlite];
