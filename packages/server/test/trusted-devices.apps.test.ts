import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/crypto/totp.js';
import { trustedDeviceCookieName } from '../src/mfa/trusted-devices.js';
import {
  callAuthApi,
  createApiKey,
  errorCodeOf,
  registerApp,
  signInAppUser,
  signUpAppUser,
  type RegisteredApp,
} from './support/app-flows.js';
import { signUpToConsole, type ConsoleAccount } from './support/console-flows.js';
import { testDatabases } from './support/databases.js';
import { HttpClient } from './support/http-client.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';

const ownerPassword = 'owner password 1234';
const userPassword = 'user password 1234';

describe.each(testDatabases)('trusted devices of app users on $name', (database) => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 20, 0, 0));
  let server: RunningPortcullis;
  let owner: ConsoleAccount;
  let notes: RegisteredApp;
  let other: RegisteredApp;
  let notesKey: string;
  let otherKey: string;
  let counter = 0;

  async function rememberAlways(appId: string) {
    const result = await owner.client.api(
      'PUT',
      `/console/api/apps/${appId}/settings`,
      owner.csrfToken,
      {
        mfaPolicy: 'optional',
        rememberMode: 'always',
        rememberDays: 30,
        stepUp: { password: ownerPassword },
      },
    );
    expect(result.status).toBe(200);
  }

  /** Signs up a user of an app and turns MFA on for it through the Auth API. */
  async function userWithMfa(registered: RegisteredApp, key: string) {
    counter += 1;
    const email = `device${counter}@example.com`;
    const { tokens, userId } = await signUpAppUser(server.baseUrl, registered, email, userPassword);
    const base = `/users/${userId}/mfa/software-token`;
    const started = await callAuthApi(server.baseUrl, key, 'POST', `${base}/secret-code`, {
      access_token: tokens.access_token,
    });
    expect(started.status).toBe(201);
    const secret = started.json.secret_code as string;
    const confirmed = await callAuthApi(server.baseUrl, key, 'PUT', base, {
      access_token: tokens.access_token,
      verification_code: totp({ secret, epochMs: clock() }),
    });
    expect(confirmed.status).toBe(200);
    return { email, userId, secret };
  }

  /** Returns a browser that kept only the trusted-device cookies of an earlier one (signed out since). */
  function browserWithTrustOf(browser: HttpClient): HttpClient {
    const next = new HttpClient(server.baseUrl);
    for (const [name, value] of browser.cookies)
      if (name.startsWith('pc_td_')) next.cookies.set(name, value);
    return next;
  }

  beforeAll(async () => {
    server = await startPortcullis({ database, clock });
    owner = await signUpToConsole(server.baseUrl, 'device-owner@example.com', ownerPassword);
    notes = await registerApp(owner, { name: 'Acme Notes' });
    other = await registerApp(owner, { name: 'Other App' });
    notesKey = await createApiKey(owner, notes.app.id, ownerPassword);
    otherKey = await createApiKey(owner, other.app.id, ownerPassword);
    await rememberAlways(notes.app.id);
    await rememberAlways(other.app.id);
  });
  afterAll(async () => server?.stop());

  it('skips the code and marks the tokens as a trusted device', async () => {
    const user = await userWithMfa(notes, notesKey);
    clock.advance(30_000);
    const first = await signInAppUser(server.baseUrl, notes, user.email, userPassword, () =>
      totp({ secret: user.secret, epochMs: clock() }),
    );
    expect(first.tokens.claims()?.amr).toEqual(['pwd', 'otp', 'mfa']);
    expect(first.tokens.claims()?.trusted_device).toBeUndefined();

    const second = await signInAppUser(
      server.baseUrl,
      notes,
      user.email,
      userPassword,
      undefined,
      browserWithTrustOf(first.browser),
    );
    const claims = second.tokens.claims();
    expect(claims?.amr).toEqual(['pwd']);
    expect(claims?.trusted_device).toBe(true);
    expect(claims?.auth_time).toBeTypeOf('number');

    const accessToken = await server.provider.AccessToken.find(second.tokens.access_token);
    expect(accessToken?.extra).toMatchObject({ amr: ['pwd'], trusted_device: true });
  });

  it('does not carry trust to another app', async () => {
    const inNotes = await userWithMfa(notes, notesKey);
    const inOther = await userWithMfa(other, otherKey);
    clock.advance(30_000);
    const signedIn = await signInAppUser(server.baseUrl, notes, inNotes.email, userPassword, () =>
      totp({ secret: inNotes.secret, epochMs: clock() }),
    );

    // The notes token, planted under the other app's cookie name, opens nothing there.
    const browser = browserWithTrustOf(signedIn.browser);
    const token = browser.cookies.get(
      trustedDeviceCookieName(notes.app.id, inNotes.userId),
    ) as string;
    expect(token).toBeTruthy();
    browser.cookies.set(trustedDeviceCookieName(other.app.id, inOther.userId), token);
    await signInAppUser(
      server.baseUrl,
      other,
      inOther.email,
      userPassword,
      () => totp({ secret: inOther.secret, epochMs: clock() }),
      browser,
    );
  });

  it('lists and forgets devices through the Auth API', async () => {
    const user = await userWithMfa(notes, notesKey);
    clock.advance(30_000);
    const signedIn = await signInAppUser(server.baseUrl, notes, user.email, userPassword, () =>
      totp({ secret: user.secret, epochMs: clock() }),
    );

    const listed = await callAuthApi(
      server.baseUrl,
      notesKey,
      'GET',
      `/users/${user.userId}/devices`,
    );
    expect(listed.status).toBe(200);
    const devices = listed.json.devices as Array<{
      id: string;
      description: string;
      expires_at: number;
    }>;
    expect(devices).toHaveLength(1);
    expect(devices[0]?.expires_at).toBe(clock() + 30 * 24 * 60 * 60_000);

    const foreign = await callAuthApi(
      server.baseUrl,
      otherKey,
      'GET',
      `/users/${user.userId}/devices`,
    );
    expect(foreign.status).toBe(404);
    expect(errorCodeOf(foreign)).toBe('not_found');

    const forgotten = await callAuthApi(
      server.baseUrl,
      notesKey,
      'DELETE',
      `/users/${user.userId}/devices/${devices[0]?.id}`,
    );
    expect(forgotten.status).toBe(204);
    clock.advance(30_000);
    await signInAppUser(
      server.baseUrl,
      notes,
      user.email,
      userPassword,
      () => totp({ secret: user.secret, epochMs: clock() }),
      browserWithTrustOf(signedIn.browser),
    );
  });

  it('ends trust on a password reset through the Auth API', async () => {
    const user = await userWithMfa(notes, notesKey);
    clock.advance(30_000);
    const signedIn = await signInAppUser(server.baseUrl, notes, user.email, userPassword, () =>
      totp({ secret: user.secret, epochMs: clock() }),
    );
    const reset = await callAuthApi(
      server.baseUrl,
      notesKey,
      'PUT',
      `/users/${user.userId}/password`,
      {
        password: 'a brand new password',
      },
    );
    expect(reset.status).toBe(204);

    clock.advance(30_000);
    await signInAppUser(
      server.baseUrl,
      notes,
      user.email,
      'a brand new password',
      () => totp({ secret: user.secret, epochMs: clock() }),
      browserWithTrustOf(signedIn.browser),
    );
  });

  it('still needs a code to turn MFA off after a trusted sign-in', async () => {
    const user = await userWithMfa(notes, notesKey);
    clock.advance(30_000);
    const first = await signInAppUser(server.baseUrl, notes, user.email, userPassword, () =>
      totp({ secret: user.secret, epochMs: clock() }),
    );
    const trusted = await signInAppUser(
      server.baseUrl,
      notes,
      user.email,
      userPassword,
      undefined,
      browserWithTrustOf(first.browser),
    );
    expect(trusted.tokens.claims()?.trusted_device).toBe(true);

    const withoutCode = await callAuthApi(
      server.baseUrl,
      notesKey,
      'PATCH',
      `/users/${user.userId}/mfa/preference`,
      {
        enabled: false,
        method: 'softwareToken',
        access_token: trusted.tokens.access_token,
      },
    );
    expect(withoutCode.status).toBe(400);
    expect(errorCodeOf(withoutCode)).toBe('invalid_request');
  });
});
