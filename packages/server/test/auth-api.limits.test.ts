import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyRateLimit, userMfaRateLimit } from '../src/auth-api/routes.js';
import { totp } from '../src/crypto/totp.js';
import { mfaLockRule } from '../src/mfa/policy.js';
import {
  callAuthApi,
  createApiKey,
  errorCodeOf,
  registerApp,
  signUpAppUser,
  type AppSignIn,
  type RegisteredApp,
} from './support/app-flows.js';
import { wrongCode } from './support/codes.js';
import { signUpToConsole, type ConsoleAccount } from './support/console-flows.js';
import { testDatabases } from './support/databases.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';

const ownerPassword = 'owner password 1234';
const userPassword = 'user password 1234';

describe.each(testDatabases)('Auth API lockout and rate limits on $name', (database) => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 17, 0, 0));
  let server: RunningPortcullis;
  let owner: ConsoleAccount;
  let acme: RegisteredApp;
  let acmeKey: string;
  let emailCounter = 0;

  const nextEmail = () => `limited${(emailCounter += 1)}@example.com`;

  const acmeApi = (method: string, path: string, body?: unknown) =>
    callAuthApi(server.baseUrl, acmeKey, method, path, body);

  const newAcmeUser = (): Promise<AppSignIn> =>
    signUpAppUser(server.baseUrl, acme, nextEmail(), userPassword);

  /** Issues and confirms a secret for a signed-in user, then returns the secret. */
  async function enrol(user: AppSignIn): Promise<string> {
    const issued = await acmeApi('POST', `/users/${user.userId}/mfa/software-token/secret-code`, {
      access_token: user.tokens.access_token,
    });
    expect(issued.status).toBe(201);
    const secret = issued.json.secret_code as string;
    const confirmed = await acmeApi('PUT', `/users/${user.userId}/mfa/software-token`, {
      access_token: user.tokens.access_token,
      verification_code: totp({ secret, epochMs: clock() }),
    });
    expect(confirmed.status).toBe(200);
    return secret;
  }

  async function preferenceOf(userId: string) {
    const preference = await acmeApi('GET', `/users/${userId}/mfa/preference`);
    expect(preference.status).toBe(200);
    return preference.json;
  }

  beforeAll(async () => {
    server = await startPortcullis({ database, clock });
    owner = await signUpToConsole(server.baseUrl, 'owner@example.com', ownerPassword);
    acme = await registerApp(owner, { name: 'Acme Notes' });
    acmeKey = await createApiKey(owner, acme.app.id, ownerPassword);
  });
  afterAll(async () => server?.stop());

  it('ten wrong codes lock MFA', async () => {
    const user = await newAcmeUser();
    const secret = await enrol(user);
    clock.advance(30_000);
    const turnOff = (code: string) =>
      acmeApi('PATCH', `/users/${user.userId}/mfa/preference`, {
        enabled: false,
        access_token: user.tokens.access_token,
        verification_code: code,
      });

    for (let attempt = 1; attempt < mfaLockRule.maxFailures; attempt += 1) {
      const rejected = await turnOff(wrongCode(secret, clock()));
      expect(rejected.status).toBe(400);
      expect(errorCodeOf(rejected)).toBe('mfa_code_invalid');
    }
    const locking = await turnOff(wrongCode(secret, clock()));
    expect(locking.status).toBe(429);
    expect(errorCodeOf(locking)).toBe('mfa_locked');
    expect(locking.headers.get('retry-after')).toBe(String(mfaLockRule.lockMs / 1000));

    // While locked even the right code is rejected, and Retry-After counts down.
    clock.advance(60_000);
    const locked = await turnOff(totp({ secret, epochMs: clock() }));
    expect(locked.status).toBe(429);
    expect(errorCodeOf(locked)).toBe('mfa_locked');
    expect(locked.headers.get('retry-after')).toBe(String(mfaLockRule.lockMs / 1000 - 60));
    expect((await preferenceOf(user.userId)).enabled).toBe(true);

    clock.advance(mfaLockRule.lockMs);
    const unlocked = await turnOff(totp({ secret, epochMs: clock() }));
    expect(unlocked.status).toBe(200);
    expect(unlocked.json.enabled).toBe(false);
    const events = (await server.repositories.auditEvents.listForUser(user.userId)).map(
      (event) => event.event,
    );
    expect(events).toContain('mfa.locked');
    expect(events).toContain('mfa.lock_ended');
  });

  it('per-user MFA calls are rate limited', async () => {
    clock.advance(userMfaRateLimit.windowMs);
    const user = await newAcmeUser();
    const neighbour = await newAcmeUser();
    const reset = (userId: string) =>
      acmeApi('POST', `/users/${userId}/mfa/reset`, { reason: 'rate limit test' });

    for (let call = 1; call <= userMfaRateLimit.limit; call += 1) {
      expect((await reset(user.userId)).status).toBe(200);
    }
    const limited = await reset(user.userId);
    expect(limited.status).toBe(429);
    expect(errorCodeOf(limited)).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toBe(String(userMfaRateLimit.windowMs / 1000));

    // The limit is per user: another user of the same key is not affected.
    expect((await reset(neighbour.userId)).status).toBe(200);
    // Reading the preference is not an MFA change and stays available.
    expect((await acmeApi('GET', `/users/${user.userId}/mfa/preference`)).status).toBe(200);

    clock.advance(userMfaRateLimit.windowMs);
    expect((await reset(user.userId)).status).toBe(200);
  });

  it('per-key requests are rate limited', async () => {
    clock.advance(apiKeyRateLimit.windowMs);
    const key = await createApiKey(owner, acme.app.id, ownerPassword, 'busy backend');
    const settings = () => callAuthApi(server.baseUrl, key, 'GET', '/sign-in-settings');

    for (let sent = 0; sent < apiKeyRateLimit.limit; sent += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, settings));
      expect(batch.every((response) => response.status === 200)).toBe(true);
    }
    const limited = await settings();
    expect(limited.status).toBe(429);
    expect(errorCodeOf(limited)).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toBe(String(apiKeyRateLimit.windowMs / 1000));

    // Another key of the same app has its own budget.
    expect((await acmeApi('GET', '/sign-in-settings')).status).toBe(200);
    clock.advance(apiKeyRateLimit.windowMs);
    expect((await settings()).status).toBe(200);
  });
});
