import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/crypto/totp.js';
import {
  callAuthApi,
  createApiKey,
  discoverApp,
  errorCodeOf,
  registerApp,
  signInAppUser,
  signInOnHostedPage,
  signUpAppUser,
  startAuthorization,
  type AppSignIn,
  type RegisteredApp,
} from './support/app-flows.js';
import { wrongCode } from './support/codes.js';
import { signUpToConsole, type ConsoleAccount } from './support/console-flows.js';
import { testDatabases } from './support/databases.js';
import { HttpClient } from './support/http-client.js';
import { oathtoolTotp, requireTool } from './support/oathtool.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';

const hasOathtool = requireTool('oathtool');
const ownerPassword = 'owner password 1234';
const userPassword = 'user password 1234';

describe.each(testDatabases)('Auth API on $name', (database) => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 15, 0, 0));
  let server: RunningPortcullis;
  let owner: ConsoleAccount;
  let acme: RegisteredApp;
  let other: RegisteredApp;
  let acmeKey: string;
  let otherKey: string;
  let emailCounter = 0;

  const nextEmail = () => `person${(emailCounter += 1)}@example.com`;

  /** Calls the Auth API with Acme's key. */
  const acmeApi = (method: string, path: string, body?: unknown) =>
    callAuthApi(server.baseUrl, acmeKey, method, path, body);

  /** Signs up a new user of Acme through the hosted login and returns its id and tokens. */
  const newAcmeUser = (): Promise<AppSignIn> =>
    signUpAppUser(server.baseUrl, acme, nextEmail(), userPassword);

  /** Issues and confirms a secret for a signed-in user, then returns the secret. */
  async function enrol(user: AppSignIn, apiKey = acmeKey): Promise<string> {
    const api = (method: string, path: string, body: unknown) =>
      callAuthApi(server.baseUrl, apiKey, method, path, body);
    const issued = await api('POST', `/users/${user.userId}/mfa/software-token/secret-code`, {
      access_token: user.tokens.access_token,
    });
    expect(issued.status).toBe(201);
    const secret = issued.json.secret_code as string;
    const confirmed = await api('PUT', `/users/${user.userId}/mfa/software-token`, {
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
    other = await registerApp(owner, { name: 'Other App' });
    acmeKey = await createApiKey(owner, acme.app.id, ownerPassword);
    otherKey = await createApiKey(owner, other.app.id, ownerPassword);
  });
  afterAll(async () => server?.stop());

  describe('users', () => {
    it('create returns the new user', async () => {
      const email = nextEmail();
      const created = await acmeApi('POST', '/users', { email, password: userPassword });

      expect(created.status).toBe(201);
      expect(created.json).toEqual({
        id: expect.any(String),
        email,
        created_at: clock(),
        mfa_enabled: false,
      });
      const stored = await server.repositories.users.findById(created.json.id as string);
      expect(stored?.app_id).toBe(acme.app.id);
    });

    it('create rejects a taken email', async () => {
      const email = nextEmail();
      await acmeApi('POST', '/users', { email, password: userPassword });

      const again = await acmeApi('POST', '/users', {
        email: email.toUpperCase(),
        password: userPassword,
      });
      expect(again.status).toBe(409);
      expect(errorCodeOf(again)).toBe('email_taken');
    });

    it('create allows email in two apps', async () => {
      const email = nextEmail();
      const inAcme = await acmeApi('POST', '/users', { email, password: userPassword });
      const inOther = await callAuthApi(server.baseUrl, otherKey, 'POST', '/users', {
        email,
        password: userPassword,
      });
      expect(inAcme.status).toBe(201);
      expect(inOther.status).toBe(201);
      expect(inOther.json.id).not.toBe(inAcme.json.id);
    });

    it('create rejects a short password', async () => {
      const created = await acmeApi('POST', '/users', { email: nextEmail(), password: 'short' });
      expect(created.status).toBe(400);
      expect(errorCodeOf(created)).toBe('password_too_short');
    });

    it('create rejects invalid bodies', async () => {
      const bodies: unknown[] = [
        {},
        { email: nextEmail() },
        { email: 42, password: userPassword },
        { email: 'not an address', password: userPassword },
      ];
      for (const body of bodies) {
        const created = await acmeApi('POST', '/users', body);
        expect(created.status, JSON.stringify(body)).toBe(400);
        expect(errorCodeOf(created), JSON.stringify(body)).toBe('invalid_request');
      }
    });

    it('create rejects malformed JSON', async () => {
      const response = await fetch(new URL('/v1/auth/users', server.baseUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${acmeKey}`, 'content-type': 'application/json' },
        body: '{"email": ',
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe('invalid_request');
    });

    it('list filters by email and pages', async () => {
      const emails = ['list-c@example.org', 'list-a@example.org', 'list-b@example.org'];
      for (const email of emails)
        await acmeApi('POST', '/users', { email, password: userPassword });

      const firstPage = await acmeApi('GET', '/users?email=list-&limit=2&offset=0');
      expect(firstPage.status).toBe(200);
      expect(firstPage.json.total_count).toBe(3);
      expect((firstPage.json.users as Array<{ email: string }>).map((user) => user.email)).toEqual([
        'list-a@example.org',
        'list-b@example.org',
      ]);

      const secondPage = await acmeApi('GET', '/users?email=LIST-&limit=2&offset=2');
      expect((secondPage.json.users as Array<{ email: string }>).map((user) => user.email)).toEqual(
        ['list-c@example.org'],
      );
      expect(secondPage.json.total_count).toBe(3);
    });

    it('list rejects a limit above 100', async () => {
      const listed = await acmeApi('GET', '/users?limit=101');
      expect(listed.status).toBe(400);
      expect(errorCodeOf(listed)).toBe('invalid_request');
    });

    it('list shows only the app users', async () => {
      const email = nextEmail();
      await callAuthApi(server.baseUrl, otherKey, 'POST', '/users', {
        email,
        password: userPassword,
      });
      const listed = await acmeApi('GET', `/users?email=${encodeURIComponent(email)}`);
      expect(listed.json).toEqual({ users: [], total_count: 0 });
    });

    it('get returns one user', async () => {
      const email = nextEmail();
      const created = await acmeApi('POST', '/users', { email, password: userPassword });

      const fetched = await acmeApi('GET', `/users/${created.json.id as string}`);
      expect(fetched.status).toBe(200);
      expect(fetched.json).toEqual(created.json);
    });

    it('unknown user is not found', async () => {
      const fetched = await acmeApi('GET', '/users/no-such-user');
      expect(fetched.status).toBe(404);
      expect(errorCodeOf(fetched)).toBe('not_found');
    });

    it('delete removes and audits user', async () => {
      const created = await acmeApi('POST', '/users', {
        email: nextEmail(),
        password: userPassword,
      });
      const userId = created.json.id as string;

      const deleted = await acmeApi('DELETE', `/users/${userId}`);
      expect(deleted.status).toBe(204);
      expect((await acmeApi('GET', `/users/${userId}`)).status).toBe(404);
      expect((await acmeApi('DELETE', `/users/${userId}`)).status).toBe(404);

      const events = await server.repositories.auditEvents.listForUser(userId);
      const deletion = events.find((event) => event.event === 'user.deleted');
      expect(deletion?.app_id).toBe(acme.app.id);
      expect(deletion?.actor).toMatch(/^api-key:key_/);
    });

    it('delete ends the user access token', async () => {
      const user = await newAcmeUser();
      const configuration = await discoverApp(server.baseUrl, acme);
      await expect(
        client.fetchUserInfo(configuration, user.tokens.access_token, user.userId),
      ).resolves.toMatchObject({ sub: user.userId });

      expect((await acmeApi('DELETE', `/users/${user.userId}`)).status).toBe(204);
      await expect(
        client.fetchUserInfo(configuration, user.tokens.access_token, user.userId),
      ).rejects.toMatchObject({ status: 401 });
    });

    it('other app user is not found', async () => {
      const user = await newAcmeUser();
      const asOther = (method: string, path: string, body?: unknown) =>
        callAuthApi(server.baseUrl, otherKey, method, path, body);

      const attempts = [
        await asOther('GET', `/users/${user.userId}`),
        await asOther('GET', `/users/${user.userId}/mfa/preference`),
        await asOther('PATCH', `/users/${user.userId}/mfa/preference`, { enabled: true }),
        await asOther('POST', `/users/${user.userId}/mfa/software-token/secret-code`, {
          access_token: user.tokens.access_token,
        }),
        await asOther('PUT', `/users/${user.userId}/mfa/software-token`, {
          access_token: user.tokens.access_token,
          verification_code: '123456',
        }),
        await asOther('POST', `/users/${user.userId}/mfa/reset`, { reason: 'probing' }),
        await asOther('DELETE', `/users/${user.userId}`),
      ];
      for (const attempt of attempts) {
        expect(attempt.status).toBe(404);
        expect(errorCodeOf(attempt)).toBe('not_found');
      }
      expect((await acmeApi('GET', `/users/${user.userId}`)).status).toBe(200);
    });
  });

  describe('API keys', () => {
    it('missing key is rejected', async () => {
      const response = await callAuthApi(server.baseUrl, undefined, 'GET', '/users');
      expect(response.status).toBe(401);
      expect(errorCodeOf(response)).toBe('invalid_api_key');
    });

    it('wrong keys are rejected', async () => {
      const presented = [
        `${acmeKey}x`,
        acmeKey.slice(0, -1),
        'pc_live_0000000000000000000000000000000000000000000',
        'not-a-key',
        '',
      ];
      for (const key of presented) {
        const response = await callAuthApi(server.baseUrl, key, 'GET', '/users');
        expect(response.status, key).toBe(401);
        expect(errorCodeOf(response), key).toBe('invalid_api_key');
      }
    });

    it('non-Bearer key is rejected', async () => {
      const response = await fetch(new URL('/v1/auth/users', server.baseUrl), {
        headers: { authorization: `Basic ${acmeKey}` },
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe('invalid_api_key');
    });

    it('revoked key is rejected at once', async () => {
      const key = await createApiKey(owner, acme.app.id, ownerPassword, 'short-lived');
      expect((await callAuthApi(server.baseUrl, key, 'GET', '/sign-in-settings')).status).toBe(200);
      const listed = await owner.client.api(
        'GET',
        `/console/api/apps/${acme.app.id}/api-keys`,
        owner.csrfToken,
      );
      const keyId = (listed.json.apiKeys as Array<{ id: string; name: string }>).find(
        (apiKey) => apiKey.name === 'short-lived',
      )?.id;

      const revoked = await owner.client.api(
        'DELETE',
        `/console/api/apps/${acme.app.id}/api-keys/${keyId}`,
        owner.csrfToken,
        { stepUp: { password: ownerPassword } },
      );
      expect(revoked.status).toBe(204);
      const response = await callAuthApi(server.baseUrl, key, 'GET', '/sign-in-settings');
      expect(response.status).toBe(401);
      expect(errorCodeOf(response)).toBe('invalid_api_key');
    });

    it('error bodies never echo the key', async () => {
      const key = `${acmeKey}zz`;
      const response = await fetch(new URL('/v1/auth/users', server.baseUrl), {
        headers: { authorization: `Bearer ${key}` },
      });
      const text = await response.text();
      expect(text).not.toContain(key);
      expect(text).not.toContain(acmeKey);
    });
  });

  describe('MFA enrolment and preference', () => {
    it('preference starts off', async () => {
      const user = await newAcmeUser();
      expect(await preferenceOf(user.userId)).toEqual({ enabled: false, method: 'softwareToken' });
    });

    it('enabling without authenticator conflicts', async () => {
      const user = await newAcmeUser();
      const patched = await acmeApi('PATCH', `/users/${user.userId}/mfa/preference`, {
        enabled: true,
      });
      expect(patched.status).toBe(409);
      expect(errorCodeOf(patched)).toBe('mfa_not_enrolled');
      expect((await preferenceOf(user.userId)).enabled).toBe(false);
    });

    it('disabling while off succeeds', async () => {
      const user = await newAcmeUser();
      const patched = await acmeApi('PATCH', `/users/${user.userId}/mfa/preference`, {
        enabled: false,
      });
      expect(patched.status).toBe(200);
      expect(patched.json).toEqual({ enabled: false, method: 'softwareToken' });
    });

    it('secret-code issues secret and URI', async () => {
      const user = await newAcmeUser();
      const stored = await server.repositories.users.findById(user.userId);

      const issued = await acmeApi('POST', `/users/${user.userId}/mfa/software-token/secret-code`, {
        access_token: user.tokens.access_token,
      });
      expect(issued.status).toBe(201);
      const secret = issued.json.secret_code as string;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(issued.json.otpauth_uri).toBe(
        `otpauth://totp/Acme%20Notes:${encodeURIComponent(stored?.email ?? '')}` +
          `?issuer=Acme%20Notes&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
      );
      // Issuing a secret does not turn MFA on before a code confirms it.
      expect((await preferenceOf(user.userId)).enabled).toBe(false);
    });

    it('secret-code rejects a body without token', async () => {
      const user = await newAcmeUser();
      const issued = await acmeApi(
        'POST',
        `/users/${user.userId}/mfa/software-token/secret-code`,
        {},
      );
      expect(issued.status).toBe(400);
      expect(errorCodeOf(issued)).toBe('invalid_request');
    });

    it('software-token rejects a wrong code', async () => {
      const user = await newAcmeUser();
      const issued = await acmeApi('POST', `/users/${user.userId}/mfa/software-token/secret-code`, {
        access_token: user.tokens.access_token,
      });
      const secret = issued.json.secret_code as string;

      const confirmed = await acmeApi('PUT', `/users/${user.userId}/mfa/software-token`, {
        access_token: user.tokens.access_token,
        verification_code: wrongCode(secret, clock()),
      });
      expect(confirmed.status).toBe(400);
      expect(errorCodeOf(confirmed)).toBe('mfa_code_invalid');
      expect((await preferenceOf(user.userId)).enabled).toBe(false);
    });

    it('software-token without a pending secret fails', async () => {
      const user = await newAcmeUser();
      const confirmed = await acmeApi('PUT', `/users/${user.userId}/mfa/software-token`, {
        access_token: user.tokens.access_token,
        verification_code: '123456',
      });
      expect(confirmed.status).toBe(400);
      expect(errorCodeOf(confirmed)).toBe('mfa_enrolment_expired');
    });

    it('software-token after ten minutes fails', async () => {
      const user = await newAcmeUser();
      const issued = await acmeApi('POST', `/users/${user.userId}/mfa/software-token/secret-code`, {
        access_token: user.tokens.access_token,
      });
      const secret = issued.json.secret_code as string;

      clock.advance(10 * 60_000 + 1);
      const confirmed = await acmeApi('PUT', `/users/${user.userId}/mfa/software-token`, {
        access_token: user.tokens.access_token,
        verification_code: totp({ secret, epochMs: clock() }),
      });
      expect(confirmed.status).toBe(400);
      expect(errorCodeOf(confirmed)).toBe('mfa_enrolment_expired');
      expect((await preferenceOf(user.userId)).enabled).toBe(false);
    });

    it.runIf(hasOathtool)('software-token accepts an oathtool code', async () => {
      const user = await newAcmeUser();
      const issued = await acmeApi('POST', `/users/${user.userId}/mfa/software-token/secret-code`, {
        access_token: user.tokens.access_token,
      });
      const secret = issued.json.secret_code as string;

      const confirmed = await acmeApi('PUT', `/users/${user.userId}/mfa/software-token`, {
        access_token: user.tokens.access_token,
        verification_code: oathtoolTotp(secret, clock()),
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.json).toEqual({ enabled: true, method: 'softwareToken' });
    });

    it('MFA turns on and off', async () => {
      const user = await newAcmeUser();
      const secret = await enrol(user);
      const enrolmentCode = totp({ secret, epochMs: clock() });

      expect(await preferenceOf(user.userId)).toEqual({ enabled: true, method: 'softwareToken' });
      expect((await acmeApi('GET', `/users/${user.userId}`)).json.mfa_enabled).toBe(true);
      const repeat = await acmeApi('PATCH', `/users/${user.userId}/mfa/preference`, {
        enabled: true,
      });
      expect(repeat.status).toBe(200);
      expect(repeat.json).toEqual({ enabled: true, method: 'softwareToken' });

      // The code that confirmed the enrolment cannot turn MFA off again.
      const replayed = await acmeApi('PATCH', `/users/${user.userId}/mfa/preference`, {
        enabled: false,
        access_token: user.tokens.access_token,
        verification_code: enrolmentCode,
      });
      expect(replayed.status).toBe(400);
      expect(errorCodeOf(replayed)).toBe('mfa_code_used');
      expect((await preferenceOf(user.userId)).enabled).toBe(true);

      const withoutProof = await acmeApi('PATCH', `/users/${user.userId}/mfa/preference`, {
        enabled: false,
      });
      expect(withoutProof.status).toBe(400);
      expect(errorCodeOf(withoutProof)).toBe('invalid_request');

      clock.advance(30_000);
      const turnedOff = await acmeApi('PATCH', `/users/${user.userId}/mfa/preference`, {
        enabled: false,
        access_token: user.tokens.access_token,
        verification_code: totp({ secret, epochMs: clock() }),
      });
      expect(turnedOff.status).toBe(200);
      expect(turnedOff.json).toEqual({ enabled: false, method: 'softwareToken' });
      expect((await preferenceOf(user.userId)).enabled).toBe(false);
      const events = await server.repositories.auditEvents.listForUser(user.userId);
      expect(events.map((event) => event.event)).toContain('mfa.reset');
    });

    it('turning off needs a correct code', async () => {
      const user = await newAcmeUser();
      const secret = await enrol(user);

      clock.advance(30_000);
      const patched = await acmeApi('PATCH', `/users/${user.userId}/mfa/preference`, {
        enabled: false,
        access_token: user.tokens.access_token,
        verification_code: wrongCode(secret, clock()),
      });
      expect(patched.status).toBe(400);
      expect(errorCodeOf(patched)).toBe('mfa_code_invalid');
      expect((await preferenceOf(user.userId)).enabled).toBe(true);
    });

    it('turning off rejected under policy on', async () => {
      const strict = await registerApp(owner, { name: 'Strict App' });
      const strictKey = await createApiKey(owner, strict.app.id, ownerPassword);
      const user = await signUpAppUser(server.baseUrl, strict, nextEmail(), userPassword);
      const secret = await enrol(user, strictKey);
      const policy = await callAuthApi(server.baseUrl, strictKey, 'PUT', '/sign-in-settings', {
        mfa_configuration: { mfa_configuration: 'on' },
      });
      expect(policy.status).toBe(200);

      clock.advance(30_000);
      const patched = await callAuthApi(
        server.baseUrl,
        strictKey,
        'PATCH',
        `/users/${user.userId}/mfa/preference`,
        {
          enabled: false,
          access_token: user.tokens.access_token,
          verification_code: totp({ secret, epochMs: clock() }),
        },
      );
      expect(patched.status).toBe(409);
      expect(errorCodeOf(patched)).toBe('mfa_last_authenticator_required');
      expect(await server.repositories.authenticators.countConfirmed(user.userId)).toBe(1);
    });

    it('reset removes authenticators and is audited', async () => {
      const user = await newAcmeUser();
      await enrol(user);

      const reset = await acmeApi('POST', `/users/${user.userId}/mfa/reset`, {
        reason: 'lost phone, identity checked by support',
      });
      expect(reset.status).toBe(200);
      expect(reset.json).toEqual({ enabled: false, method: 'softwareToken' });
      expect((await preferenceOf(user.userId)).enabled).toBe(false);
      expect(await server.repositories.authenticators.countConfirmed(user.userId)).toBe(0);

      const events = await server.repositories.auditEvents.listForUser(user.userId);
      const resetEvent = events.find((event) => event.event === 'mfa.reset');
      expect(resetEvent?.app_id).toBe(acme.app.id);
      expect(resetEvent?.actor).toMatch(/^api-key:key_/);
      expect(JSON.parse(resetEvent?.detail ?? '{}')).toEqual({
        removed: 1,
        reason: 'lost phone, identity checked by support',
      });
    });

    it('reset needs a reason', async () => {
      const user = await newAcmeUser();
      for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(501) }]) {
        const reset = await acmeApi('POST', `/users/${user.userId}/mfa/reset`, body);
        expect(reset.status).toBe(400);
        expect(errorCodeOf(reset)).toBe('invalid_request');
      }
    });
  });

  describe('access tokens', () => {
    /** Requests a secret for `userId` with the given access token. */
    const secretCodeWith = (userId: string, accessToken: string, key = acmeKey) =>
      callAuthApi(server.baseUrl, key, 'POST', `/users/${userId}/mfa/software-token/secret-code`, {
        access_token: accessToken,
      });

    it('expired access token is rejected', async () => {
      const user = await newAcmeUser();
      expect((await secretCodeWith(user.userId, user.tokens.access_token)).status).toBe(201);
      clock.advance(3600_000 + 1000);

      const issued = await secretCodeWith(user.userId, user.tokens.access_token);
      expect(issued.status).toBe(401);
      expect(errorCodeOf(issued)).toBe('invalid_access_token');
    });

    it('token of another user is rejected', async () => {
      const user = await newAcmeUser();
      const someoneElse = await newAcmeUser();

      const issued = await secretCodeWith(user.userId, someoneElse.tokens.access_token);
      expect(issued.status).toBe(401);
      expect(errorCodeOf(issued)).toBe('invalid_access_token');
    });

    it('token of another app is rejected', async () => {
      const user = await newAcmeUser();
      const ofOther = await signUpAppUser(server.baseUrl, other, nextEmail(), userPassword);

      const issued = await secretCodeWith(user.userId, ofOther.tokens.access_token);
      expect(issued.status).toBe(401);
      expect(errorCodeOf(issued)).toBe('invalid_access_token');
    });

    it('revoked access token is rejected', async () => {
      const user = await newAcmeUser();
      expect((await secretCodeWith(user.userId, user.tokens.access_token)).status).toBe(201);
      const configuration = await discoverApp(server.baseUrl, acme);
      await client.tokenRevocation(configuration, user.tokens.access_token);

      const issued = await secretCodeWith(user.userId, user.tokens.access_token);
      expect(issued.status).toBe(401);
      expect(errorCodeOf(issued)).toBe('invalid_access_token');
    });

    it('made-up access token is rejected', async () => {
      const user = await newAcmeUser();
      for (const token of ['not-a-token', `${user.tokens.access_token}x`]) {
        const issued = await secretCodeWith(user.userId, token);
        expect(issued.status).toBe(401);
        expect(errorCodeOf(issued)).toBe('invalid_access_token');
      }
    });

    it('turning off with foreign token fails', async () => {
      const user = await newAcmeUser();
      const someoneElse = await newAcmeUser();
      const secret = await enrol(user);

      clock.advance(30_000);
      const patched = await acmeApi('PATCH', `/users/${user.userId}/mfa/preference`, {
        enabled: false,
        access_token: someoneElse.tokens.access_token,
        verification_code: totp({ secret, epochMs: clock() }),
      });
      expect(patched.status).toBe(401);
      expect(errorCodeOf(patched)).toBe('invalid_access_token');
      expect((await preferenceOf(user.userId)).enabled).toBe(true);
    });
  });

  describe('passwords', () => {
    it('put sets a new password', async () => {
      const email = nextEmail();
      const { userId } = await signUpAppUser(server.baseUrl, acme, email, userPassword);
      const newPassword = 'a brand new password';

      const changed = await acmeApi('PUT', `/users/${userId}/password`, { password: newPassword });
      expect(changed.status).toBe(204);

      const configuration = await discoverApp(server.baseUrl, acme);
      const pending = await startAuthorization(configuration, acme.redirectUri);
      const oldPassword = await signInOnHostedPage(
        new HttpClient(server.baseUrl),
        pending,
        email,
        userPassword,
      );
      expect(oldPassword.response.status).toBe(401);
      const signedIn = await signInAppUser(server.baseUrl, acme, email, newPassword);
      expect(signedIn.userId).toBe(userId);

      const events = await server.repositories.auditEvents.listForUser(userId);
      const reset = events.find((event) => event.event === 'user.password_reset');
      expect(reset?.actor).toMatch(/^api-key:key_/);
      expect(reset?.detail).not.toContain(newPassword);
    });

    it('put rejects a short password', async () => {
      const user = await newAcmeUser();
      const changed = await acmeApi('PUT', `/users/${user.userId}/password`, { password: 'short' });
      expect(changed.status).toBe(400);
      expect(errorCodeOf(changed)).toBe('password_too_short');
      const missing = await acmeApi('PUT', `/users/${user.userId}/password`, {});
      expect(missing.status).toBe(400);
      expect(errorCodeOf(missing)).toBe('invalid_request');
    });

    it('put for other app user fails', async () => {
      const user = await newAcmeUser();
      const changed = await callAuthApi(
        server.baseUrl,
        otherKey,
        'PUT',
        `/users/${user.userId}/password`,
        { password: 'a password from elsewhere' },
      );
      expect(changed.status).toBe(404);
      expect(errorCodeOf(changed)).toBe('not_found');
    });
  });

  describe('trusted devices', () => {
    let remembering: RegisteredApp;
    let rememberingKey: string;

    const rememberingApi = (method: string, path: string, body?: unknown) =>
      callAuthApi(server.baseUrl, rememberingKey, method, path, body);

    beforeAll(async () => {
      remembering = await registerApp(owner, { name: 'Remembering App' });
      rememberingKey = await createApiKey(owner, remembering.app.id, ownerPassword);
      const settings = await rememberingApi('PUT', '/sign-in-settings', {
        device_configuration: { device_remembering: 'always', remember_days: 10 },
      });
      expect(settings.status).toBe(200);
    });

    /**
     * Returns a browser that keeps only the trusted-device cookies of `browser`: the same
     * browser after its provider session ended, so the next sign-in shows the password page.
     */
    function withoutSession(browser: HttpClient): HttpClient {
      const next = new HttpClient(server.baseUrl);
      for (const [name, value] of browser.cookies) {
        if (name.startsWith('pc_td_')) next.cookies.set(name, value);
      }
      return next;
    }

    /** Signs up a user with MFA and signs in once with a code, so the browser is remembered. */
    async function rememberedUser() {
      const email = nextEmail();
      const signedUp = await signUpAppUser(server.baseUrl, remembering, email, userPassword);
      const issued = await rememberingApi(
        'POST',
        `/users/${signedUp.userId}/mfa/software-token/secret-code`,
        { access_token: signedUp.tokens.access_token },
      );
      const secret = issued.json.secret_code as string;
      const confirmed = await rememberingApi(
        'PUT',
        `/users/${signedUp.userId}/mfa/software-token`,
        {
          access_token: signedUp.tokens.access_token,
          verification_code: totp({ secret, epochMs: clock() }),
        },
      );
      expect(confirmed.status).toBe(200);

      clock.advance(30_000);
      const withCode = await signInAppUser(server.baseUrl, remembering, email, userPassword, () =>
        totp({ secret, epochMs: clock() }),
      );
      return { email, secret, userId: signedUp.userId, browser: withCode.browser };
    }

    it('list shows a remembered browser', async () => {
      const { userId, email, browser } = await rememberedUser();

      const listed = await rememberingApi('GET', `/users/${userId}/devices`);
      expect(listed.status).toBe(200);
      const devices = listed.json.devices as Array<Record<string, unknown>>;
      expect(devices).toHaveLength(1);
      expect(devices[0]).toEqual({
        id: expect.any(String),
        description: expect.any(String),
        created_at: clock(),
        last_used_at: clock(),
        expires_at: clock() + 10 * 24 * 60 * 60_000,
      });

      // The remembered browser skips the code step, and the ID token carries trusted_device.
      const trusted = await signInAppUser(
        server.baseUrl,
        remembering,
        email,
        userPassword,
        undefined,
        withoutSession(browser),
      );
      expect(trusted.tokens.claims()?.trusted_device).toBe(true);
    });

    it('forgotten device needs the code', async () => {
      const { userId, email, secret, browser } = await rememberedUser();
      const listed = await rememberingApi('GET', `/users/${userId}/devices`);
      const deviceId = (listed.json.devices as Array<{ id: string }>)[0]?.id as string;

      const forgotten = await rememberingApi('DELETE', `/users/${userId}/devices/${deviceId}`);
      expect(forgotten.status).toBe(204);
      expect((await rememberingApi('GET', `/users/${userId}/devices`)).json.devices).toEqual([]);
      const again = await rememberingApi('DELETE', `/users/${userId}/devices/${deviceId}`);
      expect(again.status).toBe(404);
      expect(errorCodeOf(again)).toBe('not_found');

      clock.advance(30_000);
      const withCode = await signInAppUser(
        server.baseUrl,
        remembering,
        email,
        userPassword,
        () => totp({ secret, epochMs: clock() }),
        withoutSession(browser),
      );
      expect(withCode.tokens.claims()?.trusted_device).toBeUndefined();
    });

    it('forgetting all devices empties the list', async () => {
      const { userId } = await rememberedUser();
      const forgotten = await rememberingApi('DELETE', `/users/${userId}/devices`);
      expect(forgotten.status).toBe(204);
      expect((await rememberingApi('GET', `/users/${userId}/devices`)).json.devices).toEqual([]);
    });

    it('password reset forgets the devices', async () => {
      const { userId } = await rememberedUser();
      const changed = await rememberingApi('PUT', `/users/${userId}/password`, {
        password: 'a brand new password',
      });
      expect(changed.status).toBe(204);
      expect((await rememberingApi('GET', `/users/${userId}/devices`)).json.devices).toEqual([]);
    });

    it('remember mode no forgets every device', async () => {
      const { userId } = await rememberedUser();
      const off = await rememberingApi('PUT', '/sign-in-settings', {
        device_configuration: { device_remembering: 'no' },
      });
      expect(off.status).toBe(200);
      expect((await rememberingApi('GET', `/users/${userId}/devices`)).json.devices).toEqual([]);

      // Switching back does not revive the trust that ended.
      const on = await rememberingApi('PUT', '/sign-in-settings', {
        device_configuration: { device_remembering: 'always' },
      });
      expect(on.status).toBe(200);
      expect((await rememberingApi('GET', `/users/${userId}/devices`)).json.devices).toEqual([]);
    });

    it('other app user devices not found', async () => {
      const { userId } = await rememberedUser();
      const attempts = [
        await acmeApi('GET', `/users/${userId}/devices`),
        await acmeApi('DELETE', `/users/${userId}/devices`),
      ];
      for (const attempt of attempts) {
        expect(attempt.status).toBe(404);
        expect(errorCodeOf(attempt)).toBe('not_found');
      }
      const listed = await rememberingApi('GET', `/users/${userId}/devices`);
      expect(listed.json.devices).toHaveLength(1);
    });
  });

  describe('sign-in settings', () => {
    it('get returns the defaults', async () => {
      const settings = await callAuthApi(server.baseUrl, otherKey, 'GET', '/sign-in-settings');
      expect(settings.status).toBe(200);
      expect(settings.json).toEqual({
        mfa_configuration: { mfa_configuration: 'optional' },
        device_configuration: { device_remembering: 'no', remember_days: 30 },
        self_sign_up: { enable: true },
      });
    });

    it('put changes only the given fields', async () => {
      const put = (body: unknown) =>
        callAuthApi(server.baseUrl, otherKey, 'PUT', '/sign-in-settings', body);

      const policy = await put({ mfa_configuration: { mfa_configuration: 'on' } });
      expect(policy.status).toBe(200);
      expect(policy.json).toEqual({
        mfa_configuration: { mfa_configuration: 'on' },
        device_configuration: { device_remembering: 'no', remember_days: 30 },
        self_sign_up: { enable: true },
      });

      const remembering = await put({
        device_configuration: { device_remembering: 'userOptIn', remember_days: 14 },
      });
      expect(remembering.json).toEqual({
        mfa_configuration: { mfa_configuration: 'on' },
        device_configuration: { device_remembering: 'userOptIn', remember_days: 14 },
        self_sign_up: { enable: true },
      });

      const always = await put({ device_configuration: { device_remembering: 'always' } });
      expect(always.json.device_configuration).toEqual({
        device_remembering: 'always',
        remember_days: 14,
      });

      const fetched = await callAuthApi(server.baseUrl, otherKey, 'GET', '/sign-in-settings');
      expect(fetched.json).toEqual(always.json);
      const consoleView = await owner.client.api(
        'GET',
        `/console/api/apps/${other.app.id}/settings`,
        owner.csrfToken,
      );
      expect(consoleView.json.settings).toEqual({
        mfaPolicy: 'on',
        rememberMode: 'always',
        rememberDays: 14,
      });

      const recent = await server.repositories.auditEvents.listRecent(20);
      const changes = recent.filter(
        (event) => event.event === 'app.settings_changed' && event.app_id === other.app.id,
      );
      expect(changes.map((event) => JSON.parse(event.detail))).toEqual(
        expect.arrayContaining([
          { mfaPolicy: 'on', rememberMode: 'no', rememberDays: 30 },
          { mfaPolicy: 'on', rememberMode: 'userOptIn', rememberDays: 14 },
          { mfaPolicy: 'on', rememberMode: 'always', rememberDays: 14 },
        ]),
      );
      expect(changes).toHaveLength(3);

      const restored = await put({
        mfa_configuration: { mfa_configuration: 'optional' },
        device_configuration: { device_remembering: 'no', remember_days: 30 },
      });
      expect(restored.status).toBe(200);
    });

    it('self sign-up off hides sign-up', async () => {
      const closed = await registerApp(owner, { name: 'Closed App' });
      const closedKey = await createApiKey(owner, closed.app.id, ownerPassword);
      const put = await callAuthApi(server.baseUrl, closedKey, 'PUT', '/sign-in-settings', {
        self_sign_up: { enable: false },
      });
      expect(put.status).toBe(200);
      expect(put.json.self_sign_up).toEqual({ enable: false });
      expect(put.json.mfa_configuration).toEqual({ mfa_configuration: 'optional' });

      const configuration = await discoverApp(server.baseUrl, closed);
      const pending = await startAuthorization(configuration, closed.redirectUri);
      const browser = new HttpClient(server.baseUrl);
      const signInPage = await browser.follow(pending.url.href);
      expect(signInPage.body).toContain('name="password"');
      expect(signInPage.body).not.toContain('screen=signup');
      const signUpPage = await browser.follow(`${new URL(signInPage.url).pathname}?screen=signup`);
      expect(signUpPage.body).not.toContain('autocomplete="new-password"');
      // A form posted straight to the sign-up action is rejected too.
      const forgedForm = signUpPage.body.replace(/(action="[^"]+)\/login"/, '$1/signup"');
      const posted = await browser.submitForm(forgedForm, {
        email: nextEmail(),
        password: userPassword,
      });
      expect(posted.response.status).toBe(403);
      expect(posted.body).toContain('Sign-up is closed for this app');

      // The app's backend can still create users.
      const created = await callAuthApi(server.baseUrl, closedKey, 'POST', '/users', {
        email: nextEmail(),
        password: userPassword,
      });
      expect(created.status).toBe(201);
    });

    it('put rejects unknown values', async () => {
      const bodies: unknown[] = [
        { mfa_configuration: { mfa_configuration: 'required' } },
        { device_configuration: { device_remembering: 'sometimes' } },
        { device_configuration: { remember_days: 0 } },
        { device_configuration: { remember_days: 366 } },
        { device_configuration: { remember_days: 1.5 } },
      ];
      for (const body of bodies) {
        const put = await acmeApi('PUT', '/sign-in-settings', body);
        expect(put.status, JSON.stringify(body)).toBe(400);
        expect(errorCodeOf(put), JSON.stringify(body)).toBe('invalid_request');
      }
      const settings = await acmeApi('GET', '/sign-in-settings');
      expect(settings.json.mfa_configuration).toEqual({ mfa_configuration: 'optional' });
      expect(settings.json.device_configuration).toEqual({
        device_remembering: 'no',
        remember_days: 30,
      });
    });
  });
});
