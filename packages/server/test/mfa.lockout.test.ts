import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/crypto/totp.js';
import { maxChallengeFailures, mfaLockRule } from '../src/mfa/policy.js';
import { submitConsolePassword, submitMfaCode } from './support/console-flows.js';
import { testDatabases } from './support/databases.js';
import { HttpClient } from './support/http-client.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';
import { createUserWithAuthenticator, testAuditContext } from './support/users.js';

const password = 'a long test password';

/** Returns a six-digit code that is not the current one (nor a neighbour) for this secret. */
function wrongCode(secret: string, now: number): string {
  const valid = new Set(
    [-1, 0, 1].map((offset) => totp({ secret, epochMs: now + offset * 30_000 })),
  );
  for (let candidate = 0; ; candidate += 1) {
    const code = String(candidate).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

describe.each(testDatabases)('MFA lockout on $name', (database) => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 10, 0, 0));
  let server: RunningPortcullis;

  beforeAll(async () => {
    server = await startPortcullis({ database, clock });
  });
  afterAll(async () => server?.stop());

  async function auditEvents(userId: string) {
    return (await server.repositories.auditEvents.listForUser(userId)).map((row) => row.event);
  }

  it('ends the challenge after 5 wrong codes and returns to the password page', async () => {
    const email = 'challenge@example.com';
    const { user, secret } = await createUserWithAuthenticator(server, clock, email);
    const client = new HttpClient(server.baseUrl);
    let page = await submitConsolePassword(client, email, password);

    for (let attempt = 1; attempt < maxChallengeFailures; attempt += 1) {
      page = await submitMfaCode(client, page.body, wrongCode(secret, clock()));
      expect(page.body).toContain('autocomplete="one-time-code"');
    }
    page = await submitMfaCode(client, page.body, wrongCode(secret, clock()));
    expect(page.body).toContain('Too many wrong codes or too much time passed');
    expect(page.body).toContain('name="password"');

    // The ended challenge does not come back with the right code.
    const stale = await client.follow(new URL(page.url).pathname);
    expect(stale.body).not.toContain('autocomplete="one-time-code"');
    expect(await auditEvents(user.id)).toContain('mfa.challenge_ended');
  });

  it('locks after 10 wrong codes, then unlocks', async () => {
    const { user, secret } = await createUserWithAuthenticator(server, clock, 'lock@example.com');
    const mfa = server.services.mfa;

    for (let attempt = 1; attempt < mfaLockRule.maxFailures; attempt += 1) {
      await expect(
        mfa.verifyCode(testAuditContext, user, wrongCode(secret, clock())),
      ).rejects.toMatchObject({
        code: 'mfa_code_invalid',
      });
    }
    await expect(
      mfa.verifyCode(testAuditContext, user, wrongCode(secret, clock())),
    ).rejects.toMatchObject({
      code: 'mfa_locked',
    });

    // While locked, even the right code is refused, with a Retry-After in seconds.
    clock.advance(30_000);
    const locked = mfa.verifyCode(testAuditContext, user, totp({ secret, epochMs: clock() }));
    await expect(locked).rejects.toMatchObject({
      code: 'mfa_locked',
      retryAfterSeconds: 15 * 60 - 30,
    });
    expect(await auditEvents(user.id)).toContain('mfa.locked');

    clock.advance(mfaLockRule.lockMs);
    const accepted = await mfa.verifyCode(
      testAuditContext,
      user,
      totp({ secret, epochMs: clock() }),
    );
    expect(accepted.user_id).toBe(user.id);
    expect(await auditEvents(user.id)).toContain('mfa.lock_ended');
  });

  it('does not lock when a success comes between failures', async () => {
    const { user, secret } = await createUserWithAuthenticator(server, clock, 'reset@example.com');
    const mfa = server.services.mfa;
    for (let attempt = 1; attempt < mfaLockRule.maxFailures; attempt += 1) {
      await expect(
        mfa.verifyCode(testAuditContext, user, wrongCode(secret, clock())),
      ).rejects.toMatchObject({ code: 'mfa_code_invalid' });
    }
    clock.advance(30_000);
    await mfa.verifyCode(testAuditContext, user, totp({ secret, epochMs: clock() }));
    await expect(
      mfa.verifyCode(testAuditContext, user, wrongCode(secret, clock())),
    ).rejects.toMatchObject({ code: 'mfa_code_invalid' });
  });

  it('forgets failures older than the 15-minute window', async () => {
    const { user, secret } = await createUserWithAuthenticator(server, clock, 'window@example.com');
    const mfa = server.services.mfa;
    for (let attempt = 1; attempt < mfaLockRule.maxFailures; attempt += 1) {
      await expect(
        mfa.verifyCode(testAuditContext, user, wrongCode(secret, clock())),
      ).rejects.toMatchObject({ code: 'mfa_code_invalid' });
    }
    clock.advance(mfaLockRule.windowMs + 1);
    await expect(
      mfa.verifyCode(testAuditContext, user, wrongCode(secret, clock())),
    ).rejects.toMatchObject({ code: 'mfa_code_invalid' });
  });

  it('counts malformed codes as rejected', async () => {
    const { user } = await createUserWithAuthenticator(server, clock, 'malformed@example.com');
    for (let attempt = 1; attempt < mfaLockRule.maxFailures; attempt += 1) {
      await expect(
        server.services.mfa.verifyCode(testAuditContext, user, 'abc'),
      ).rejects.toMatchObject({ code: 'mfa_code_invalid' });
    }
    await expect(
      server.services.mfa.verifyCode(testAuditContext, user, '12'),
    ).rejects.toMatchObject({ code: 'mfa_locked' });
  });
});
