import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordLockRule } from '../src/accounts/service.js';
import { testDatabases } from './support/databases.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';
import { testAuditContext } from './support/users.js';

const password = 'the right password';

describe.each(testDatabases)('password lockout on $name', (database) => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 11, 0, 0));
  let server: RunningPortcullis;

  beforeAll(async () => {
    server = await startPortcullis({ database, clock });
  });
  afterAll(async () => server?.stop());

  async function consoleApp() {
    const app = await server.repositories.apps.findById('console');
    if (!app) throw new Error('The console app is missing.');
    return app;
  }

  async function recentEvents() {
    return (await server.repositories.auditEvents.listRecent(500)).map((row) => row.event);
  }

  it('locks an email after 10 failures and unlocks 15 minutes later', async () => {
    const app = await consoleApp();
    const context = { ...testAuditContext, ip: null };
    const user = await server.services.accounts.signUp(
      context,
      app,
      'locked@example.com',
      password,
    );
    const attempt = (value: string) =>
      server.services.accounts.authenticate(context, app, 'locked@example.com', value);

    for (let failure = 1; failure < passwordLockRule.maxFailures; failure += 1) {
      await expect(attempt('wrong password')).rejects.toMatchObject({
        code: 'invalid_credentials',
      });
    }
    await expect(attempt('wrong password')).rejects.toMatchObject({ code: 'sign_in_locked' });
    await expect(attempt(password)).rejects.toMatchObject({ code: 'sign_in_locked' });
    expect(await recentEvents()).toContain('sign_in.locked');

    clock.advance(passwordLockRule.lockMs);
    await expect(attempt(password)).resolves.toMatchObject({ id: user.id });
    expect(await recentEvents()).toContain('sign_in.lock_ended');
  });

  it('locks an unknown email the same way', async () => {
    const app = await consoleApp();
    const context = { ...testAuditContext, ip: null };
    const attempt = () =>
      server.services.accounts.authenticate(context, app, 'nobody@example.com', 'any password 1');
    for (let failure = 1; failure < passwordLockRule.maxFailures; failure += 1) {
      await expect(attempt()).rejects.toMatchObject({ code: 'invalid_credentials' });
    }
    await expect(attempt()).rejects.toMatchObject({ code: 'sign_in_locked' });
  });
});
