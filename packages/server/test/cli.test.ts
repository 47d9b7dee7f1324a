import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../src/config.js';
import { testDatabases } from './support/databases.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';
import { createUserWithAuthenticator } from './support/users.js';

const run = promisify(execFile);
const tsx = path.join(repositoryRoot, 'node_modules/.bin/tsx');
const cli = path.join(repositoryRoot, 'packages/server/src/cli.ts');

describe('command line MFA reset on sqlite', () => {
  const clock = createTestClock();
  let server: RunningPortcullis;

  beforeAll(async () => {
    server = await startPortcullis({ database: testDatabases[0]!, clock });
  });
  afterAll(async () => server?.stop());

  const environment = () => ({
    ...process.env,
    PORTCULLIS_DATA_DIR: server.dataDir,
    PORTCULLIS_DATABASE_URL: 'portcullis.sqlite',
  });

  it('removes the authenticators of a console account and audits it', async () => {
    const { user } = await createUserWithAuthenticator(server, clock, 'Lost.Phone@example.com');
    expect((await server.services.mfa.status(user.id)).enabled).toBe(true);

    const result = await run(
      tsx,
      [cli, 'mfa', 'reset', '--email', 'lost.phone@example.com', '--reason', 'phone lost'],
      {
        env: environment(),
      },
    );
    expect(result.stdout).toContain('Removed 1 authenticator(s) of Lost.Phone@example.com');

    expect((await server.services.mfa.status(user.id)).enabled).toBe(false);
    const [event] = await server.repositories.auditEvents.listForUser(user.id, 1);
    expect(event?.event).toBe('mfa.reset');
    expect(event?.actor).toMatch(/^cli:/);
    expect(JSON.parse(event?.detail ?? '{}')).toEqual({ removed: 1, reason: 'phone lost' });
  });

  it('exits with 2 and says why for an unknown email', async () => {
    const failure = await run(tsx, [cli, 'mfa', 'reset', '--email', 'nobody@example.com'], {
      env: environment(),
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(
      'No user with email nobody@example.com in app "console"',
    );
  });

  it('creates a console account from a piped password', async () => {
    const child = execFile(tsx, [cli, 'account', 'create', '--email', 'First.Admin@example.com'], {
      env: environment(),
    });
    child.stdin?.end('the first admin password\n');
    const output = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(stdout) : reject(new Error(`exit ${code}`)),
      );
    });
    expect(output).toContain('Created the console account First.Admin@example.com');

    const app = await server.repositories.apps.findById('console');
    const user = await server.services.accounts.authenticate(
      { actor: 'test', ip: null },
      app!,
      'first.admin@example.com',
      'the first admin password',
    );
    expect(user.email).toBe('First.Admin@example.com');
  });
});
