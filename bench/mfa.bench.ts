// Measures the MFA engine's hot paths on a real database: code verification (one conditional
// UPDATE per accepted code) and the password check. Run with `npm run bench`; set
// PORTCULLIS_BENCH_DATABASE_URL to a postgres:// URL to measure PostgreSQL as well.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.js';
import type { Config, DatabaseTarget } from '../packages/server/src/config.js';
import { totp } from '../packages/server/src/crypto/totp.js';

const context = { actor: 'bench', ip: '127.0.0.1', userAgent: 'bench' };
const verifications = 2_000;
const passwordChecks = 50;

async function measure(label: string, count: number, run: (index: number) => Promise<unknown>) {
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index += 1) await run(index);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `${label.padEnd(48)} ${(count / seconds).toFixed(0).padStart(7)} per second (${count} in ${seconds.toFixed(2)} s)`,
  );
}

async function benchmark(name: string, database: DatabaseTarget) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portcullis-bench-'));
  let now = Date.UTC(2026, 0, 1);
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://127.0.0.1:1',
    dataDir,
    database,
    secretKey: randomBytes(32).toString('base64'),
    consoleSignup: 'open',
    logLevel: 'silent',
  };
  const portcullis = await buildApp({ config, clock: () => now });
  const app = await portcullis.repositories.apps.findById('console');
  const user = await portcullis.services.accounts.signUp(
    context,
    app!,
    'bench@example.com',
    'a long bench password',
  );
  const enrolment = await portcullis.services.mfa.startEnrolment(context, app!, user, 'Bench');
  await portcullis.services.mfa.confirmEnrolment(
    context,
    user,
    enrolment.id,
    totp({ secret: enrolment.secret, epochMs: now }),
  );

  console.log(`\n${name}`);
  await measure('accepted code (new time step each time)', verifications, async () => {
    now += 30_000;
    await portcullis.services.mfa.verifyCode(
      context,
      user,
      totp({ secret: enrolment.secret, epochMs: now }),
    );
  });
  await measure('password check (argon2id, 19 MiB, 2 passes)', passwordChecks, async () => {
    await portcullis.services.accounts.authenticate(
      { ...context, ip: null },
      app!,
      'bench@example.com',
      'a long bench password',
    );
  });

  await portcullis.app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

console.log(
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
);
await benchmark('SQLite (WAL, file in a temporary folder)', {
  kind: 'sqlite',
  file: path.join(os.tmpdir(), `bench-${process.pid}.sqlite`),
});

const postgresUrl = process.env.PORTCULLIS_BENCH_DATABASE_URL;
if (postgresUrl) {
  const schema = `portcullis_bench_${process.pid}`;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`create schema ${schema}`);
  try {
    await benchmark('PostgreSQL', { kind: 'postgres', url: postgresUrl, schema });
  } finally {
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
  }
}
