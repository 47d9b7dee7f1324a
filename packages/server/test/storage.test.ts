import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';
import { createUserWithAuthenticator } from './support/users.js';

describe.each(testDatabases)('stored secrets on $name', (database) => {
  const clock = createTestClock();
  let server: RunningPortcullis;

  beforeAll(async () => {
    server = await startPortcullis({ database, clock });
  });
  afterAll(async () => server?.stop());

  it('keep no plaintext TOTP secret in the authenticator row', async () => {
    const { authenticatorId, secret } = await createUserWithAuthenticator(
      server,
      clock,
      'stored@example.com',
    );
    const row = await server.db
      .selectFrom('authenticators')
      .selectAll()
      .where('id', '=', authenticatorId)
      .executeTakeFirstOrThrow();

    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secret_ciphertext).toMatch(/^v1\.[0-9a-f]{16}\./);
    expect(server.secretBox.open(row.secret_ciphertext, `authenticator:${authenticatorId}`)).toBe(
      secret,
    );
  });

  it('keep no plaintext secret or password anywhere in the database', async () => {
    const { secret } = await createUserWithAuthenticator(server, clock, 'anywhere@example.com');
    const tables = [
      'apps',
      'users',
      'authenticators',
      'mfa_challenges',
      'throttles',
      'console_sessions',
      'oidc_payloads',
      'server_keys',
      'audit_events',
    ] as const;
    for (const table of tables) {
      const rows = await sql`select * from ${sql.table(table)}`.execute(server.db);
      const text = JSON.stringify(rows.rows);
      expect(text, table).not.toContain(secret);
      expect(text, table).not.toContain('a long test password');
    }
  });
});

describe('stored secrets in the SQLite files', () => {
  const clock = createTestClock();
  let server: RunningPortcullis;

  beforeAll(async () => {
    server = await startPortcullis({ database: testDatabases[0]!, clock });
  });
  afterAll(async () => server?.stop());

  it('keep no plaintext secret in the database files', async () => {
    const { secret } = await createUserWithAuthenticator(server, clock, 'file@example.com');
    const files = fs
      .readdirSync(server.dataDir)
      .filter((name) => name.startsWith('portcullis.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const bytes = fs.readFileSync(`${server.dataDir}/${name}`);
      expect(bytes.includes(Buffer.from(secret)), name).toBe(false);
    }
  });
});
