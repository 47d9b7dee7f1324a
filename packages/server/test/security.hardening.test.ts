import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordLockRule } from '../src/accounts/service.js';
import { totp } from '../src/crypto/totp.js';
import {
  callAuthApi,
  createApiKey,
  discoverApp,
  errorCodeOf,
  registerApp,
  signUpAppUser,
  type RegisteredApp,
} from './support/app-flows.js';
import {
  enrolAuthenticator,
  signUpToConsole,
  type ConsoleAccount,
} from './support/console-flows.js';
import { testDatabases } from './support/databases.js';
import { HttpClient } from './support/http-client.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';

const ownerPassword = 'owner password 1234';
const userPassword = 'user password 1234';

describe.each(testDatabases)('hardening against a stolen session on $name', (database) => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 21, 0, 0));
  let server: RunningPortcullis;
  let counter = 0;

  beforeAll(async () => {
    server = await startPortcullis({ database, clock });
  });
  afterAll(async () => server?.stop());

  async function consoleAccountWithMfa() {
    counter += 1;
    const account = await signUpToConsole(
      server.baseUrl,
      `hardened${counter}@example.com`,
      ownerPassword,
    );
    const enrolment = await enrolAuthenticator(account, 'Phone');
    const confirm = await account.client.api(
      'POST',
      `/console/api/mfa/authenticators/${enrolment.id}/confirm`,
      account.csrfToken,
      { code: totp({ secret: enrolment.secret, epochMs: clock() }) },
    );
    expect(confirm.status).toBe(200);
    return { account, secret: enrolment.secret };
  }

  it('needs a current code to add a second device', async () => {
    const { account, secret } = await consoleAccountWithMfa();
    const path = '/console/api/mfa/authenticators';

    const withoutCode = await account.client.api('POST', path, account.csrfToken, {
      name: 'Thief',
    });
    expect(withoutCode.status).toBe(403);
    expect(errorCodeOf(withoutCode)).toBe('step_up_required');

    clock.advance(30_000);
    const withCode = await account.client.api('POST', path, account.csrfToken, {
      name: 'Tablet',
      stepUp: { code: totp({ secret, epochMs: clock() }) },
    });
    expect(withCode.status).toBe(201);
  });

  it('limits password step-up guesses like sign-in', async () => {
    counter += 1;
    const account = await signUpToConsole(
      server.baseUrl,
      `guess${counter}@example.com`,
      ownerPassword,
    );
    const registered = await registerApp(account, { name: 'Guessed App' });
    const path = `/console/api/apps/${registered.app.id}/client-secret`;
    const attempt = (password: string) =>
      account.client.api('POST', path, account.csrfToken, { stepUp: { password } });

    for (let failure = 1; failure < passwordLockRule.maxFailures; failure += 1) {
      expect(errorCodeOf(await attempt('wrong guess 1234'))).toBe('password_invalid');
    }
    const locked = await attempt('wrong guess 1234');
    expect(locked.status).toBe(429);
    expect(errorCodeOf(locked)).toBe('sign_in_locked');
    expect(errorCodeOf(await attempt(ownerPassword))).toBe('sign_in_locked');

    const events = (await server.repositories.auditEvents.listForUser(account.accountId, 50)).map(
      (row) => row.event,
    );
    expect(events).toContain('step_up.failed');
  });

  it('needs a current code to start a second enrolment through the Auth API', async () => {
    counter += 1;
    const owner = await signUpToConsole(
      server.baseUrl,
      `api-owner${counter}@example.com`,
      ownerPassword,
    );
    const registered: RegisteredApp = await registerApp(owner, { name: 'Enrolled App' });
    const key = await createApiKey(owner, registered.app.id, ownerPassword);
    const { tokens, userId } = await signUpAppUser(
      server.baseUrl,
      registered,
      `enrolled${counter}@example.com`,
      userPassword,
    );
    const base = `/users/${userId}/mfa/software-token`;

    const first = await callAuthApi(server.baseUrl, key, 'POST', `${base}/secret-code`, {
      access_token: tokens.access_token,
    });
    expect(first.status).toBe(201);
    const secret = first.json.secret_code as string;
    const confirmed = await callAuthApi(server.baseUrl, key, 'PUT', base, {
      access_token: tokens.access_token,
      verification_code: totp({ secret, epochMs: clock() }),
    });
    expect(confirmed.status).toBe(200);

    const second = await callAuthApi(server.baseUrl, key, 'POST', `${base}/secret-code`, {
      access_token: tokens.access_token,
    });
    expect(second.status).toBe(403);
    expect(errorCodeOf(second)).toBe('step_up_required');

    clock.advance(30_000);
    const withCode = await callAuthApi(server.baseUrl, key, 'POST', `${base}/secret-code`, {
      access_token: tokens.access_token,
      verification_code: totp({ secret, epochMs: clock() }),
    });
    expect(withCode.status).toBe(201);
  });

  it('drops enrolments started before MFA came on', async () => {
    counter += 1;
    const account = await signUpToConsole(
      server.baseUrl,
      `early${counter}@example.com`,
      ownerPassword,
    );
    const early = await enrolAuthenticator(account, 'Planted');
    const phone = await enrolAuthenticator(account, 'Phone');
    const confirmPath = (id: string) => `/console/api/mfa/authenticators/${id}/confirm`;
    const confirmed = await account.client.api('POST', confirmPath(phone.id), account.csrfToken, {
      code: totp({ secret: phone.secret, epochMs: clock() }),
    });
    expect(confirmed.status).toBe(200);

    clock.advance(30_000);
    const planted = await account.client.api('POST', confirmPath(early.id), account.csrfToken, {
      code: totp({ secret: early.secret, epochMs: clock() }),
    });
    expect(planted.status).toBe(404);
    expect(errorCodeOf(planted)).toBe('not_found');
  });

  it('refuses parallel password guesses beyond the limit', async () => {
    counter += 1;
    const account = await signUpToConsole(
      server.baseUrl,
      `parallel${counter}@example.com`,
      ownerPassword,
    );
    const registered = await registerApp(account, { name: 'Raced App' });
    const path = `/console/api/apps/${registered.app.id}/client-secret`;
    const attempt = (password: string) =>
      account.client.api('POST', path, account.csrfToken, { stepUp: { password } });

    const guesses = await Promise.all(
      Array.from({ length: 2 * passwordLockRule.maxFailures }, () => attempt('wrong guess 1234')),
    );
    const checked = guesses.filter((guess) => errorCodeOf(guess) === 'password_invalid');
    expect(checked.length).toBeLessThan(passwordLockRule.maxFailures);
    expect(errorCodeOf(await attempt(ownerPassword))).toBe('sign_in_locked');
  });

  it('saves an app patch with nothing to change', async () => {
    counter += 1;
    const account = await signUpToConsole(
      server.baseUrl,
      `empty${counter}@example.com`,
      ownerPassword,
    );
    const registered = await registerApp(account, { name: 'Unchanged App' });
    const patched = await account.client.api(
      'PATCH',
      `/console/api/apps/${registered.app.id}`,
      account.csrfToken,
      {},
    );
    expect(patched.status).toBe(200);
    expect((patched.json.app as { name: string }).name).toBe('Unchanged App');
  });
});

describe('hardening of requests and the provider on sqlite', () => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 22, 0, 0));
  let server: RunningPortcullis;
  let owner: ConsoleAccount;

  beforeAll(async () => {
    server = await startPortcullis({ database: testDatabases[0]!, clock });
    owner = await signUpToConsole(server.baseUrl, 'request-owner@example.com', ownerPassword);
  });
  afterAll(async () => server?.stop());

  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    const browser = new HttpClient(server.baseUrl);
    const page = await browser.follow('/console/login');
    await browser.submitForm(page.body, {
      email: 'spoof@example.com',
      password: 'wrong password 1',
    });
    const spoofed = await browser.follow('/console/login', {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    await browser.submitForm(spoofed.body, {
      email: 'spoof@example.com',
      password: 'wrong password 2',
    });

    const throttles = await server.db.selectFrom('throttles').select('key').execute();
    expect(throttles.map((row) => row.key)).toContain('ip:127.0.0.1');
    expect(throttles.map((row) => row.key)).not.toContain('ip:203.0.113.9');
  });

  it('names its own endpoints whatever the forwarded host', async () => {
    const response = await fetch(new URL('/.well-known/openid-configuration', server.baseUrl), {
      headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    });
    const discovery = (await response.json()) as { issuer: string; authorization_endpoint: string };
    expect(discovery.issuer).toBe(server.baseUrl);
    expect(discovery.authorization_endpoint).toBe(`${server.baseUrl}/oidc/auth`);
  });

  it('asks before signing out without an id_token_hint', async () => {
    // A link from another site: the browser has a provider session but sends no hint.
    const page = await owner.client.follow('/oidc/session/end');
    expect(page.response.status).toBe(200);
    expect(page.body).toContain('op.logoutForm');
    expect(page.body).not.toContain('logout.js');
  });

  it('lets a client introspect only its own tokens', async () => {
    const notes = await registerApp(owner, { name: 'Introspected App' });
    const other = await registerApp(owner, { name: 'Curious App' });
    const { tokens } = await signUpAppUser(
      server.baseUrl,
      notes,
      'introspected@example.com',
      userPassword,
    );

    const own = await client.tokenIntrospection(
      await discoverApp(server.baseUrl, notes),
      tokens.access_token,
    );
    expect(own.active).toBe(true);
    const foreign = await client.tokenIntrospection(
      await discoverApp(server.baseUrl, other),
      tokens.access_token,
    );
    expect(foreign.active).toBe(false);
  });

  it('answers a malformed URL in the JSON error format', async () => {
    const response = await fetch(new URL('/console/api/apps/%E0%A4%A', server.baseUrl));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).not.toContain('%E0');
  });

  it('asks before signing out with another user\u2019s id_token_hint', async () => {
    const app = await registerApp(owner, { name: 'Hinting App' });
    const { tokens } = await signUpAppUser(server.baseUrl, app, 'hinter@example.com', userPassword);
    const hint = encodeURIComponent(tokens.id_token as string);
    const page = await owner.client.follow(`/oidc/session/end?id_token_hint=${hint}`);
    expect(page.response.status).toBe(200);
    expect(page.body).toContain('op.logoutForm');
    expect(page.body).not.toContain('logout.js');
  });
});
