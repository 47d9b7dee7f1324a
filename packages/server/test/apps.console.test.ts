import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/crypto/totp.js';
import {
  callAuthApi,
  callbackUrlOf,
  createApiKey,
  discoverApp,
  errorCodeOf,
  exchangeCode,
  registerApp,
  signInAppUser,
  signInOnHostedPage,
  startAuthorization,
  unusedCallbackUri,
  type ConsoleApp,
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
import { testAuditContext } from './support/users.js';

const ownerPassword = 'owner password 1234';
const userPassword = 'user password 1234';

interface ConsoleUser {
  id: string;
  email: string;
  createdAt: number;
  mfa: { enabled: boolean; authenticators: unknown[] };
}

describe.each(testDatabases)('console apps API on $name', (database) => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 16, 0, 0));
  let server: RunningPortcullis;
  let owner: ConsoleAccount;
  let stranger: ConsoleAccount;
  let emailCounter = 0;

  const nextEmail = () => `member${(emailCounter += 1)}@example.com`;

  /** Calls the console API as the owner. */
  const asOwner = (method: string, path: string, body?: unknown) =>
    owner.client.api(method, `/console/api${path}`, owner.csrfToken, body);

  const asStranger = (method: string, path: string, body?: unknown) =>
    stranger.client.api(method, `/console/api${path}`, stranger.csrfToken, body);

  const ownerStepUp = { stepUp: { password: ownerPassword } };

  /** Creates a user of an app through the Auth API and returns its id. */
  async function createUser(apiKey: string, email: string): Promise<string> {
    const created = await callAuthApi(server.baseUrl, apiKey, 'POST', '/users', {
      email,
      password: userPassword,
    });
    expect(created.status).toBe(201);
    return created.json.id as string;
  }

  /** Gives a user one confirmed authenticator through the MFA service and returns its secret. */
  async function enrolDirectly(appId: string, userId: string): Promise<string> {
    const appRow = await server.repositories.apps.findById(appId);
    const user = await server.repositories.users.findById(userId);
    if (!appRow || !user) throw new Error(`The app ${appId} or user ${userId} is missing.`);
    const enrolment = await server.services.mfa.startEnrolment(
      testAuditContext,
      appRow,
      user,
      'Phone',
    );
    await server.services.mfa.confirmEnrolment(
      testAuditContext,
      user,
      enrolment.id,
      totp({ secret: enrolment.secret, epochMs: clock() }),
    );
    return enrolment.secret;
  }

  beforeAll(async () => {
    server = await startPortcullis({ database, clock });
    owner = await signUpToConsole(server.baseUrl, 'owner@example.com', ownerPassword);
    stranger = await signUpToConsole(server.baseUrl, 'stranger@example.com', 'stranger pass 1234');
  });
  afterAll(async () => server?.stop());

  describe('apps', () => {
    it('create returns app and secret', async () => {
      const redirectUri = await unusedCallbackUri();
      const created = await asOwner('POST', '/apps', {
        name: '  Acme Notes  ',
        redirectUris: [redirectUri],
        postLogoutRedirectUris: ['https://notes.example.com/signed-out'],
        clientType: 'confidential',
        signupEnabled: false,
      });

      expect(created.status).toBe(201);
      const app = created.json.app as ConsoleApp;
      expect(app).toEqual({
        id: expect.stringMatching(/^app_/),
        name: 'Acme Notes',
        clientId: expect.stringMatching(/^pc_/),
        clientType: 'confidential',
        redirectUris: [redirectUri],
        postLogoutRedirectUris: ['https://notes.example.com/signed-out'],
        signupEnabled: false,
        mfaPolicy: 'optional',
        rememberMode: 'no',
        rememberDays: 30,
        createdAt: clock(),
      });
      expect(created.json.clientSecret).toMatch(/^pcs_.{20,}/);

      // Only a hash of the secret is stored.
      const stored = await server.repositories.apps.findById(app.id);
      expect(stored?.client_secret_hash).toBeTruthy();
      expect(stored?.client_secret_hash).not.toContain(created.json.clientSecret as string);
    });

    it('public client gets no secret', async () => {
      const created = await asOwner('POST', '/apps', {
        name: 'Acme Mobile',
        redirectUris: [await unusedCallbackUri()],
        clientType: 'public',
      });
      expect(created.status).toBe(201);
      expect(created.json.clientSecret).toBeNull();
      expect((created.json.app as ConsoleApp).clientType).toBe('public');
      expect((created.json.app as ConsoleApp).signupEnabled).toBe(true);
    });

    it('create rejects invalid redirect uris', async () => {
      const redirectUris = [
        [],
        ['http://notes.example.com/callback'],
        ['https://notes.example.com/callback#fragment'],
        ['not a url'],
        ['javascript:alert(1)'],
      ];
      for (const uris of redirectUris) {
        const created = await asOwner('POST', '/apps', { name: 'Bad', redirectUris: uris });
        expect(created.status, JSON.stringify(uris)).toBe(400);
        expect(errorCodeOf(created), JSON.stringify(uris)).toBe('invalid_request');
      }
    });

    it('create rejects a blank name', async () => {
      const created = await asOwner('POST', '/apps', {
        name: '   ',
        redirectUris: [await unusedCallbackUri()],
      });
      expect(created.status).toBe(400);
      expect(errorCodeOf(created)).toBe('invalid_request');
    });

    it('create needs a signed-in account', async () => {
      const anonymous = new HttpClient(server.baseUrl);
      const created = await anonymous.api('POST', '/console/api/apps', 'no-token', {
        name: 'Anonymous',
        redirectUris: [await unusedCallbackUri()],
      });
      expect(created.status).toBe(401);
      expect(errorCodeOf(created)).toBe('unauthenticated');
    });

    it('create needs the CSRF token', async () => {
      const created = await owner.client.api('POST', '/console/api/apps', 'wrong-token', {
        name: 'Forged',
        redirectUris: [await unusedCallbackUri()],
      });
      expect(created.status).toBe(403);
      expect(errorCodeOf(created)).toBe('csrf_invalid');
    });

    it('list shows only the account apps', async () => {
      const mine = await registerApp(owner, { name: 'Listed App' });
      const theirs = await registerApp(stranger, { name: 'Stranger App' });

      const ownerList = await asOwner('GET', '/apps');
      const ownerIds = (ownerList.json.apps as ConsoleApp[]).map((app) => app.id);
      expect(ownerIds).toContain(mine.app.id);
      expect(ownerIds).not.toContain(theirs.app.id);
      expect(ownerIds).not.toContain('console');

      const strangerList = await asStranger('GET', '/apps');
      expect((strangerList.json.apps as ConsoleApp[]).map((app) => app.id)).toEqual([
        theirs.app.id,
      ]);
    });

    it('get returns one app', async () => {
      const registered = await registerApp(owner, { name: 'Fetched App' });
      const fetched = await asOwner('GET', `/apps/${registered.app.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.json.app).toEqual(registered.app);
    });

    it('unknown app is not found', async () => {
      const fetched = await asOwner('GET', '/apps/app_missing');
      expect(fetched.status).toBe(404);
      expect(errorCodeOf(fetched)).toBe('not_found');
    });

    it('console app is not found', async () => {
      const fetched = await asOwner('GET', '/apps/console');
      expect(fetched.status).toBe(404);
      expect(errorCodeOf(fetched)).toBe('not_found');
    });

    it('rejects the console name for an app', async () => {
      const created = await asOwner('POST', '/apps', {
        name: ' portcullis ',
        redirectUris: [await unusedCallbackUri()],
      });
      expect(created.status).toBe(400);
      expect(errorCodeOf(created)).toBe('invalid_request');
      expect((created.json.error as { message: string }).message).toContain('name');
    });

    it('patch changes the given fields', async () => {
      const registered = await registerApp(owner, { name: 'Patched App' });
      const newUri = await unusedCallbackUri();

      // Moving the callback URLs needs step-up; a rename alone does not.
      const withoutProof = await asOwner('PATCH', `/apps/${registered.app.id}`, {
        redirectUris: [newUri],
      });
      expect(withoutProof.status).toBe(403);
      expect(errorCodeOf(withoutProof)).toBe('step_up_required');
      const renamed = await asOwner('PATCH', `/apps/${registered.app.id}`, { name: 'Renamed App' });
      expect(renamed.status).toBe(200);

      const patched = await asOwner('PATCH', `/apps/${registered.app.id}`, {
        name: 'Renamed App',
        redirectUris: [newUri],
        signupEnabled: false,
        ...ownerStepUp,
      });
      expect(patched.status).toBe(200);
      expect(patched.json.app).toEqual({
        ...registered.app,
        name: 'Renamed App',
        redirectUris: [newUri],
        signupEnabled: false,
      });
      expect((await asOwner('GET', `/apps/${registered.app.id}`)).json.app).toEqual(
        patched.json.app,
      );

      const invalid = await asOwner('PATCH', `/apps/${registered.app.id}`, {
        redirectUris: [],
        ...ownerStepUp,
      });
      expect(invalid.status).toBe(400);
      expect(errorCodeOf(invalid)).toBe('invalid_request');
    });

    it('patched redirect uri takes effect', async () => {
      const registered = await registerApp(owner, { name: 'Moving App' });
      const newUri = await unusedCallbackUri();
      await asOwner('PATCH', `/apps/${registered.app.id}`, {
        redirectUris: [newUri],
        ...ownerStepUp,
      });
      const configuration = await discoverApp(server.baseUrl, registered);

      const stale = await startAuthorization(configuration, registered.redirectUri);
      const rejected = await new HttpClient(server.baseUrl).request(stale.url.href);
      expect(rejected.status).toBe(400);
      expect(rejected.headers.get('location')).toBeNull();

      const current = await startAuthorization(configuration, newUri);
      const accepted = await new HttpClient(server.baseUrl).follow(current.url.href);
      expect(accepted.response.status).toBe(200);
      expect(accepted.body).toContain('name="password"');
    });

    it("another account's app is not found", async () => {
      const registered = await registerApp(owner, { name: 'Private App' });
      const base = `/apps/${registered.app.id}`;
      const strangerStepUp = { stepUp: { password: 'stranger pass 1234' } };

      const attempts = [
        await asStranger('GET', base),
        await asStranger('PATCH', base, { name: 'Taken over' }),
        await asStranger('DELETE', base, strangerStepUp),
        await asStranger('POST', `${base}/client-secret`, strangerStepUp),
        await asStranger('GET', `${base}/settings`),
        await asStranger('PUT', `${base}/settings`, {
          mfaPolicy: 'optional',
          rememberMode: 'always',
          rememberDays: 30,
          ...strangerStepUp,
        }),
        await asStranger('GET', `${base}/api-keys`),
        await asStranger('POST', `${base}/api-keys`, { name: 'stolen', ...strangerStepUp }),
        await asStranger('GET', `${base}/users`),
      ];
      for (const attempt of attempts) {
        expect(attempt.status).toBe(404);
        expect(errorCodeOf(attempt)).toBe('not_found');
      }
      const unchanged = await asOwner('GET', base);
      expect(unchanged.json.app).toEqual(registered.app);
      expect((await asOwner('GET', `${base}/api-keys`)).json.apiKeys).toEqual([]);
    });

    it('delete needs step-up and ends access', async () => {
      const registered = await registerApp(owner, { name: 'Doomed App' });
      const apiKey = await createApiKey(owner, registered.app.id, ownerPassword);
      const path = `/apps/${registered.app.id}`;

      const withoutProof = await asOwner('DELETE', path, {});
      expect(withoutProof.status).toBe(403);
      expect(errorCodeOf(withoutProof)).toBe('step_up_required');
      const wrongPassword = await asOwner('DELETE', path, {
        stepUp: { password: 'not mine 1234' },
      });
      expect(wrongPassword.status).toBe(400);
      expect(errorCodeOf(wrongPassword)).toBe('password_invalid');
      expect((await asOwner('GET', path)).status).toBe(200);

      const deleted = await asOwner('DELETE', path, ownerStepUp);
      expect(deleted.status).toBe(204);
      expect((await asOwner('GET', path)).status).toBe(404);
      const apiCall = await callAuthApi(server.baseUrl, apiKey, 'GET', '/sign-in-settings');
      expect(apiCall.status).toBe(401);
      expect(errorCodeOf(apiCall)).toBe('invalid_api_key');

      // Its client is gone from the provider too: an authorization request gets an error page.
      const configuration = await discoverApp(server.baseUrl, registered);
      const pending = await startAuthorization(configuration, registered.redirectUri);
      const rejected = await new HttpClient(server.baseUrl).request(pending.url.href);
      expect(rejected.status).toBe(400);
      expect(rejected.headers.get('location')).toBeNull();
    });
  });

  describe('client secrets', () => {
    it('regenerate returns a new secret', async () => {
      const registered = await registerApp(owner, { name: 'Secret App' });
      const path = `/apps/${registered.app.id}/client-secret`;

      const withoutProof = await asOwner('POST', path, {});
      expect(withoutProof.status).toBe(403);
      expect(errorCodeOf(withoutProof)).toBe('step_up_required');

      const regenerated = await asOwner('POST', path, ownerStepUp);
      expect(regenerated.status).toBe(200);
      expect(regenerated.json.clientSecret).toMatch(/^pcs_/);
      expect(regenerated.json.clientSecret).not.toBe(registered.clientSecret);
      const events = (await server.repositories.auditEvents.listRecent(10)).filter(
        (event) => event.app_id === registered.app.id,
      );
      expect(events.map((event) => event.event)).toContain('app.client_secret_regenerated');
    });

    it('public client regenerate is rejected', async () => {
      const registered = await registerApp(owner, { name: 'Public App', clientType: 'public' });
      const regenerated = await asOwner(
        'POST',
        `/apps/${registered.app.id}/client-secret`,
        ownerStepUp,
      );
      expect(regenerated.status).toBe(400);
      expect(errorCodeOf(regenerated)).toBe('invalid_request');
    });
  });

  describe('API keys', () => {
    let keyed: RegisteredApp;

    beforeAll(async () => {
      keyed = await registerApp(owner, { name: 'Keyed App' });
    });

    it('create needs step-up', async () => {
      const path = `/apps/${keyed.app.id}/api-keys`;
      const withoutProof = await asOwner('POST', path, { name: 'backend' });
      expect(withoutProof.status).toBe(403);
      expect(errorCodeOf(withoutProof)).toBe('step_up_required');

      const wrongPassword = await asOwner('POST', path, {
        name: 'backend',
        stepUp: { password: 'not mine 1234' },
      });
      expect(wrongPassword.status).toBe(400);
      expect(errorCodeOf(wrongPassword)).toBe('password_invalid');
      expect((await asOwner('GET', path)).json.apiKeys).toEqual([]);
    });

    it('create, list, use and revoke', async () => {
      const path = `/apps/${keyed.app.id}/api-keys`;
      const created = await asOwner('POST', path, { name: 'billing backend', ...ownerStepUp });
      expect(created.status).toBe(201);
      const key = created.json.key as string;
      const apiKey = created.json.apiKey as { id: string; prefix: string };
      expect(key).toMatch(/^pc_live_.{30,}/);
      expect(created.json.apiKey).toEqual({
        id: expect.stringMatching(/^key_/),
        name: 'billing backend',
        prefix: key.slice(0, 'pc_live_'.length + 4),
        createdAt: clock(),
        lastUsedAt: null,
      });

      const listed = await asOwner('GET', path);
      expect(listed.json.apiKeys).toEqual([created.json.apiKey]);
      expect(JSON.stringify(listed.json)).not.toContain(key);

      clock.advance(5_000);
      const used = await callAuthApi(server.baseUrl, key, 'GET', '/sign-in-settings');
      expect(used.status).toBe(200);
      const afterUse = await asOwner('GET', path);
      expect((afterUse.json.apiKeys as Array<{ lastUsedAt: number }>)[0]?.lastUsedAt).toBe(clock());

      const revokePath = `${path}/${apiKey.id}`;
      const withoutProof = await asOwner('DELETE', revokePath, {});
      expect(withoutProof.status).toBe(403);
      expect(errorCodeOf(withoutProof)).toBe('step_up_required');
      expect((await callAuthApi(server.baseUrl, key, 'GET', '/sign-in-settings')).status).toBe(200);

      const revoked = await asOwner('DELETE', revokePath, ownerStepUp);
      expect(revoked.status).toBe(204);
      const rejected = await callAuthApi(server.baseUrl, key, 'GET', '/sign-in-settings');
      expect(rejected.status).toBe(401);
      expect(errorCodeOf(rejected)).toBe('invalid_api_key');
      expect((await asOwner('GET', path)).json.apiKeys).toEqual([]);

      const again = await asOwner('DELETE', revokePath, ownerStepUp);
      expect(again.status).toBe(404);
      expect(errorCodeOf(again)).toBe('not_found');
    });

    it('revoke through another app fails', async () => {
      const holder = await registerApp(owner, { name: 'Holder App' });
      const created = await asOwner('POST', `/apps/${holder.app.id}/api-keys`, {
        name: 'kept',
        ...ownerStepUp,
      });
      const keyId = (created.json.apiKey as { id: string }).id;

      const revoked = await asOwner(
        'DELETE',
        `/apps/${keyed.app.id}/api-keys/${keyId}`,
        ownerStepUp,
      );
      expect(revoked.status).toBe(404);
      const stillWorks = await callAuthApi(
        server.baseUrl,
        created.json.key as string,
        'GET',
        '/sign-in-settings',
      );
      expect(stillWorks.status).toBe(200);
    });
  });

  describe('users', () => {
    let peopleApp: RegisteredApp;
    let peopleKey: string;

    beforeAll(async () => {
      peopleApp = await registerApp(owner, { name: 'People App' });
      peopleKey = await createApiKey(owner, peopleApp.app.id, ownerPassword);
    });

    it('list searches and pages', async () => {
      const emails = [
        'dana@shop.example',
        'carol@shop.example',
        'bob@shop.example',
        'alice@shop.example',
        'eve@elsewhere.example',
        'a_b@literal.example',
        'axb@literal.example',
      ];
      for (const email of emails) await createUser(peopleKey, email);
      const listUsers = async (query: string) => {
        const listed = await asOwner('GET', `/apps/${peopleApp.app.id}/users?${query}`);
        expect(listed.status).toBe(200);
        return {
          emails: (listed.json.users as ConsoleUser[]).map((user) => user.email),
          total: listed.json.total,
          page: listed.json.page,
          pageSize: listed.json.pageSize,
        };
      };

      expect(await listUsers('query=shop&page=1&pageSize=3')).toEqual({
        emails: ['alice@shop.example', 'bob@shop.example', 'carol@shop.example'],
        total: 4,
        page: 1,
        pageSize: 3,
      });
      expect(await listUsers('query=SHOP&page=2&pageSize=3')).toEqual({
        emails: ['dana@shop.example'],
        total: 4,
        page: 2,
        pageSize: 3,
      });
      expect((await listUsers('query=shop&page=3&pageSize=3')).emails).toEqual([]);
      // "_" and "%" are literal characters, not LIKE wildcards.
      expect((await listUsers('query=a_b')).emails).toEqual(['a_b@literal.example']);
      expect((await listUsers('query=%25')).emails).toEqual([]);
      expect(await listUsers('')).toMatchObject({ total: 7, page: 1, pageSize: 20 });

      const listed = await asOwner('GET', `/apps/${peopleApp.app.id}/users?query=eve`);
      expect((listed.json.users as ConsoleUser[])[0]).toEqual({
        id: expect.any(String),
        email: 'eve@elsewhere.example',
        createdAt: clock(),
        mfa: { enabled: false, authenticators: [] },
      });
    });

    it('list rejects invalid paging', async () => {
      for (const query of ['page=0', 'pageSize=101', 'pageSize=abc']) {
        const listed = await asOwner('GET', `/apps/${peopleApp.app.id}/users?${query}`);
        expect(listed.status, query).toBe(400);
        expect(errorCodeOf(listed), query).toBe('invalid_request');
      }
    });

    it('other app user is not found', async () => {
      const elsewhere = await registerApp(owner, { name: 'Elsewhere App' });
      const elsewhereKey = await createApiKey(owner, elsewhere.app.id, ownerPassword);
      const userId = await createUser(elsewhereKey, nextEmail());

      const fetched = await asOwner('GET', `/apps/${peopleApp.app.id}/users/${userId}`);
      expect(fetched.status).toBe(404);
      expect(errorCodeOf(fetched)).toBe('not_found');
      const reset = await asOwner(
        'POST',
        `/apps/${peopleApp.app.id}/users/${userId}/mfa/reset`,
        ownerStepUp,
      );
      expect(reset.status).toBe(404);
      const deleted = await asOwner(
        'DELETE',
        `/apps/${peopleApp.app.id}/users/${userId}`,
        ownerStepUp,
      );
      expect(deleted.status).toBe(404);
      expect((await asOwner('GET', `/apps/${elsewhere.app.id}/users/${userId}`)).status).toBe(200);
    });

    it('mfa reset needs step-up', async () => {
      const userId = await createUser(peopleKey, nextEmail());
      await enrolDirectly(peopleApp.app.id, userId);
      const path = `/apps/${peopleApp.app.id}/users/${userId}`;
      const before = await asOwner('GET', path);
      expect((before.json.user as ConsoleUser).mfa.enabled).toBe(true);
      expect((before.json.user as ConsoleUser).mfa.authenticators).toHaveLength(1);

      const withoutProof = await asOwner('POST', `${path}/mfa/reset`, {});
      expect(withoutProof.status).toBe(403);
      expect(errorCodeOf(withoutProof)).toBe('step_up_required');

      const reset = await asOwner('POST', `${path}/mfa/reset`, ownerStepUp);
      expect(reset.status).toBe(200);
      expect((reset.json.user as ConsoleUser).mfa).toEqual({ enabled: false, authenticators: [] });
      const preference = await callAuthApi(
        server.baseUrl,
        peopleKey,
        'GET',
        `/users/${userId}/mfa/preference`,
      );
      expect(preference.json.enabled).toBe(false);

      const events = await server.repositories.auditEvents.listForUser(userId);
      const resetEvent = events.find((event) => event.event === 'mfa.reset');
      expect(resetEvent?.actor).toBe(`user:${owner.accountId}`);
      expect(JSON.parse(resetEvent?.detail ?? '{}')).toEqual({
        removed: 1,
        reason: 'reset by an administrator in the console',
      });
    });

    it('devices list and forget', async () => {
      const userId = await createUser(peopleKey, nextEmail());
      const path = `/apps/${peopleApp.app.id}/users/${userId}/devices`;
      for (const id of ['device-laptop', 'device-phone']) {
        await server.repositories.trustedDevices.insert({
          id,
          app_id: peopleApp.app.id,
          user_id: userId,
          token_hash: `hash-of-${id}-${userId}`,
          previous_token_hash: null,
          description: id === 'device-laptop' ? 'Firefox 140 on Linux' : 'Safari 19 on iOS',
          created_at: clock(),
          last_used_at: clock(),
          expires_at: clock() + 30 * 24 * 60 * 60_000,
        });
      }

      const listed = await asOwner('GET', path);
      expect(listed.status).toBe(200);
      const descriptions = (listed.json.devices as Array<{ description: string }>).map(
        (device) => device.description,
      );
      expect(descriptions.sort()).toEqual(['Firefox 140 on Linux', 'Safari 19 on iOS']);

      expect((await asOwner('DELETE', `${path}/device-laptop`)).status).toBe(204);
      const afterOne = await asOwner('GET', path);
      expect((afterOne.json.devices as Array<{ id: string }>).map((device) => device.id)).toEqual([
        'device-phone',
      ]);
      const missing = await asOwner('DELETE', `${path}/device-laptop`);
      expect(missing.status).toBe(404);
      expect(errorCodeOf(missing)).toBe('not_found');

      expect((await asOwner('DELETE', path)).status).toBe(204);
      expect((await asOwner('GET', path)).json.devices).toEqual([]);
      const strangerList = await asStranger('GET', path);
      expect(strangerList.status).toBe(404);
    });

    it('user delete needs step-up', async () => {
      const userId = await createUser(peopleKey, nextEmail());
      const path = `/apps/${peopleApp.app.id}/users/${userId}`;

      const withoutProof = await asOwner('DELETE', path, {});
      expect(withoutProof.status).toBe(403);
      expect(errorCodeOf(withoutProof)).toBe('step_up_required');
      expect((await asOwner('GET', path)).status).toBe(200);

      const deleted = await asOwner('DELETE', path, ownerStepUp);
      expect(deleted.status).toBe(204);
      expect((await asOwner('GET', path)).status).toBe(404);
      const viaApi = await callAuthApi(server.baseUrl, peopleKey, 'GET', `/users/${userId}`);
      expect(viaApi.status).toBe(404);
      const events = await server.repositories.auditEvents.listForUser(userId);
      expect(events.map((event) => event.event)).toContain('user.deleted');
    });
  });

  describe('settings', () => {
    it('get returns the defaults', async () => {
      const registered = await registerApp(owner, { name: 'Default Settings App' });
      const settings = await asOwner('GET', `/apps/${registered.app.id}/settings`);
      expect(settings.status).toBe(200);
      expect(settings.json.settings).toEqual({
        mfaPolicy: 'optional',
        rememberMode: 'no',
        rememberDays: 30,
      });
    });

    it('settings changes need step-up', async () => {
      const registered = await registerApp(owner, { name: 'Remembering App' });
      const path = `/apps/${registered.app.id}/settings`;

      // Saving unchanged settings needs no proof; any change does, the MFA policy included.
      const unchanged = await asOwner('PUT', path, {
        mfaPolicy: 'optional',
        rememberMode: 'no',
        rememberDays: 30,
      });
      expect(unchanged.status).toBe(200);
      const policyWithoutProof = await asOwner('PUT', path, {
        mfaPolicy: 'on',
        rememberMode: 'no',
        rememberDays: 7,
      });
      expect(policyWithoutProof.status).toBe(403);
      expect(errorCodeOf(policyWithoutProof)).toBe('step_up_required');
      const policy = await asOwner('PUT', path, {
        mfaPolicy: 'on',
        rememberMode: 'no',
        rememberDays: 7,
        ...ownerStepUp,
      });
      expect(policy.status).toBe(200);
      expect(policy.json.settings).toEqual({
        mfaPolicy: 'on',
        rememberMode: 'no',
        rememberDays: 7,
      });

      const withoutProof = await asOwner('PUT', path, {
        mfaPolicy: 'on',
        rememberMode: 'always',
        rememberDays: 7,
      });
      expect(withoutProof.status).toBe(403);
      expect(errorCodeOf(withoutProof)).toBe('step_up_required');
      const wrongPassword = await asOwner('PUT', path, {
        mfaPolicy: 'on',
        rememberMode: 'always',
        rememberDays: 7,
        stepUp: { password: 'not mine 1234' },
      });
      expect(wrongPassword.status).toBe(400);
      expect(errorCodeOf(wrongPassword)).toBe('password_invalid');
      expect((await asOwner('GET', path)).json.settings).toEqual(policy.json.settings);

      const remembered = await asOwner('PUT', path, {
        mfaPolicy: 'on',
        rememberMode: 'always',
        rememberDays: 7,
        ...ownerStepUp,
      });
      expect(remembered.status).toBe(200);
      expect((await asOwner('GET', path)).json.settings).toEqual({
        mfaPolicy: 'on',
        rememberMode: 'always',
        rememberDays: 7,
      });
      const viaApi = await createApiKey(owner, registered.app.id, ownerPassword);
      const apiSettings = await callAuthApi(server.baseUrl, viaApi, 'GET', '/sign-in-settings');
      expect(apiSettings.json.device_configuration).toEqual({
        device_remembering: 'always',
        remember_days: 7,
      });
    });

    it('put rejects invalid values', async () => {
      const registered = await registerApp(owner, { name: 'Strict Values App' });
      const bodies: unknown[] = [
        { mfaPolicy: 'required', rememberMode: 'no', rememberDays: 30 },
        { mfaPolicy: 'optional', rememberMode: 'forever', rememberDays: 30 },
        { mfaPolicy: 'optional', rememberMode: 'no', rememberDays: 0 },
        { mfaPolicy: 'optional', rememberMode: 'no', rememberDays: 366 },
        { mfaPolicy: 'optional', rememberMode: 'no' },
      ];
      for (const body of bodies) {
        const put = await asOwner('PUT', `/apps/${registered.app.id}/settings`, body);
        expect(put.status, JSON.stringify(body)).toBe(400);
        expect(errorCodeOf(put), JSON.stringify(body)).toBe('invalid_request');
      }
    });
  });

  describe('step-up of an account with MFA', () => {
    let guarded: ConsoleAccount;
    let secret: string;
    let guardedApp: RegisteredApp;

    beforeAll(async () => {
      const password = 'guarded password 1234';
      guarded = await signUpToConsole(server.baseUrl, 'guarded@example.com', password);
      guardedApp = await registerApp(guarded, { name: 'Guarded App' });
      const enrolment = await enrolAuthenticator(guarded, 'Phone');
      secret = enrolment.secret;
      const confirmed = await guarded.client.api(
        'POST',
        `/console/api/mfa/authenticators/${enrolment.id}/confirm`,
        guarded.csrfToken,
        { code: totp({ secret, epochMs: clock() }) },
      );
      expect(confirmed.status).toBe(200);
    });

    const createKey = (stepUp: unknown) =>
      guarded.client.api(
        'POST',
        `/console/api/apps/${guardedApp.app.id}/api-keys`,
        guarded.csrfToken,
        { name: 'backend', stepUp },
      );

    it('password alone is rejected', async () => {
      const created = await createKey({ password: 'guarded password 1234' });
      expect(created.status).toBe(403);
      expect(errorCodeOf(created)).toBe('step_up_required');
    });

    it('wrong code is rejected', async () => {
      clock.advance(30_000);
      const current = totp({ secret, epochMs: clock() });
      const wrong = current === '000000' ? '000001' : '000000';
      const created = await createKey({ code: wrong });
      expect(created.status).toBe(400);
      expect(errorCodeOf(created)).toBe('mfa_code_invalid');
    });

    it('current code is accepted once', async () => {
      clock.advance(30_000);
      const code = totp({ secret, epochMs: clock() });
      const created = await createKey({ code });
      expect(created.status).toBe(201);

      const replayed = await createKey({ code });
      expect(replayed.status).toBe(400);
      expect(errorCodeOf(replayed)).toBe('mfa_code_used');
      const listed = await guarded.client.api(
        'GET',
        `/console/api/apps/${guardedApp.app.id}/api-keys`,
        guarded.csrfToken,
      );
      expect(listed.json.apiKeys).toHaveLength(1);
    });
  });

  describe('forced enrolment under policy on', () => {
    it('next sign-in shows the QR enrolment', async () => {
      const strict = await registerApp(owner, { name: 'Strict App' });
      const strictKey = await createApiKey(owner, strict.app.id, ownerPassword);
      const email = nextEmail();
      const userId = await createUser(strictKey, email);
      const policy = await asOwner('PUT', `/apps/${strict.app.id}/settings`, {
        mfaPolicy: 'on',
        rememberMode: 'no',
        rememberDays: 30,
        ...ownerStepUp,
      });
      expect(policy.status).toBe(200);

      const configuration = await discoverApp(server.baseUrl, strict);
      const pending = await startAuthorization(configuration, strict.redirectUri);
      const browser = new HttpClient(server.baseUrl);
      const enrolPage = await signInOnHostedPage(browser, pending, email, userPassword);
      expect(enrolPage.response.status).toBe(200);
      expect(enrolPage.body).toMatch(
        /<img class="qr" src="data:image\/png;base64,[A-Za-z0-9+/=]+"/,
      );
      const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(enrolPage.body)?.[1];
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(enrolPage.body).toContain('autocomplete="one-time-code"');
      expect(browser.seenLocations.some((location) => location.includes('code='))).toBe(false);

      // Reloading the page shows the same pending secret.
      const reloaded = await browser.follow(enrolPage.url);
      expect(reloaded.body).toContain(`data-testid="totp-secret">${secret}<`);

      const code = totp({ secret: secret as string, epochMs: clock() });
      const wrong = await browser.submitForm(reloaded.body, {
        code: code === '123456' ? '654321' : '123456',
      });
      expect(wrong.response.status).toBe(400);
      expect(wrong.body).toContain(`data-testid="totp-secret">${secret}<`);
      expect(wrong.body).toContain('That code is not valid');

      const landed = await browser.submitForm(wrong.body, { code });
      const tokens = await exchangeCode(
        configuration,
        callbackUrlOf(landed, strict.redirectUri),
        pending,
      );
      expect(tokens.claims()?.sub).toBe(userId);

      const user = await asOwner('GET', `/apps/${strict.app.id}/users/${userId}`);
      expect((user.json.user as ConsoleUser).mfa.enabled).toBe(true);
      const preference = await callAuthApi(
        server.baseUrl,
        strictKey,
        'GET',
        `/users/${userId}/mfa/preference`,
      );
      expect(preference.json).toEqual({ enabled: true, method: 'softwareToken' });

      // From then on the sign-in shows the code step, not the enrolment.
      clock.advance(30_000);
      const again = await signInAppUser(server.baseUrl, strict, email, userPassword, () =>
        totp({ secret: secret as string, epochMs: clock() }),
      );
      expect(again.userId).toBe(userId);
    });

    it('enrolled user gets code step', async () => {
      const strict = await registerApp(owner, { name: 'Strict Enrolled App' });
      const strictKey = await createApiKey(owner, strict.app.id, ownerPassword);
      const email = nextEmail();
      const userId = await createUser(strictKey, email);
      await enrolDirectly(strict.app.id, userId);
      await asOwner('PUT', `/apps/${strict.app.id}/settings`, {
        mfaPolicy: 'on',
        rememberMode: 'no',
        rememberDays: 30,
      });

      const configuration = await discoverApp(server.baseUrl, strict);
      const pending = await startAuthorization(configuration, strict.redirectUri);
      const browser = new HttpClient(server.baseUrl);
      const codePage = await signInOnHostedPage(browser, pending, email, userPassword);
      expect(codePage.response.status).toBe(200);
      expect(codePage.body).toContain('autocomplete="one-time-code"');
      expect(codePage.body).not.toContain('data-testid="totp-secret"');
      expect(await server.repositories.authenticators.countConfirmed(userId)).toBe(1);
    });
  });
});
