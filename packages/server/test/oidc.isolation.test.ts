import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAuthApi,
  callbackUrlOf,
  createApiKey,
  discoverApp,
  errorCodeOf,
  exchangeCode,
  registerApp,
  signInOnHostedPage,
  signUpAppUser,
  signUpOnHostedPage,
  startAuthorization,
  type RegisteredApp,
} from './support/app-flows.js';
import { signUpToConsole, type ConsoleAccount } from './support/console-flows.js';
import { testDatabases } from './support/databases.js';
import { HttpClient } from './support/http-client.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';

const ownerPassword = 'owner password 1234';
const userPassword = 'user password 1234';

/**
 * Each app is its own user pool: tokens and provider sessions of one app's users must be
 * worthless at another app, even when both apps belong to one account.
 */
describe.each(testDatabases)('app isolation at the OpenID provider on $name', (database) => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 18, 0, 0));
  let server: RunningPortcullis;
  let owner: ConsoleAccount;
  let confidential: RegisteredApp;
  let otherApp: RegisteredApp;
  let otherKey: string;
  let emailCounter = 0;

  const nextEmail = () => `isolated${(emailCounter += 1)}@example.com`;

  beforeAll(async () => {
    server = await startPortcullis({ database, clock });
    owner = await signUpToConsole(server.baseUrl, 'owner@example.com', ownerPassword);
    confidential = await registerApp(owner, { name: 'Acme Notes' });
    otherApp = await registerApp(owner, { name: 'Other App' });
    otherKey = await createApiKey(owner, otherApp.app.id, ownerPassword);
  });
  afterAll(async () => server?.stop());

  it('access token fails at other app', async () => {
    const ofConfidential = await signUpAppUser(
      server.baseUrl,
      confidential,
      nextEmail(),
      userPassword,
    );
    const ofOther = await signUpAppUser(server.baseUrl, otherApp, nextEmail(), userPassword);

    // The other app's own token works there, so only the foreign token explains the 401.
    const own = await callAuthApi(
      server.baseUrl,
      otherKey,
      'POST',
      `/users/${ofOther.userId}/mfa/software-token/secret-code`,
      { access_token: ofOther.tokens.access_token },
    );
    expect(own.status).toBe(201);

    const foreign = await callAuthApi(
      server.baseUrl,
      otherKey,
      'POST',
      `/users/${ofOther.userId}/mfa/software-token/secret-code`,
      { access_token: ofConfidential.tokens.access_token },
    );
    expect(foreign.status).toBe(401);
    expect(errorCodeOf(foreign)).toBe('invalid_access_token');
  });

  it('refresh token fails for other app', async () => {
    const { tokens } = await signUpAppUser(server.baseUrl, confidential, nextEmail(), userPassword);
    const refreshToken = tokens.refresh_token as string;
    const otherConfiguration = await discoverApp(server.baseUrl, otherApp);

    await expect(client.refreshTokenGrant(otherConfiguration, refreshToken)).rejects.toMatchObject({
      error: 'invalid_grant',
    });

    // The token still works for its own app: the rejection concerned the client.
    const ownConfiguration = await discoverApp(server.baseUrl, confidential);
    const refreshed = await client.refreshTokenGrant(ownConfiguration, refreshToken);
    expect(refreshed.claims()?.aud).toBe(confidential.app.clientId);
  });

  it('session does not cover other app', async () => {
    const email = nextEmail();
    const { browser } = await signUpAppUser(server.baseUrl, confidential, email, userPassword);

    // The same browser signs in to the same app again without a password.
    const again = await startAuthorization(
      await discoverApp(server.baseUrl, confidential),
      confidential.redirectUri,
    );
    callbackUrlOf(await browser.follow(again.url.href), confidential.redirectUri);

    const otherPending = await startAuthorization(
      await discoverApp(server.baseUrl, otherApp),
      otherApp.redirectUri,
    );
    const landed = await browser.follow(otherPending.url.href);
    expect(landed.response.status).toBe(200);
    expect(new URL(landed.url).pathname).toMatch(/^\/interaction\//);
    expect(landed.body).toContain('name="password"');
    expect(landed.body).toContain('Other App');
    expect(
      browser.seenLocations.some((location) => location.startsWith(otherApp.redirectUri)),
    ).toBe(false);
  });

  it('code fails for other app', async () => {
    const configuration = await discoverApp(server.baseUrl, confidential);
    const pending = await startAuthorization(configuration, confidential.redirectUri);
    const landed = await signUpOnHostedPage(
      new HttpClient(server.baseUrl),
      pending,
      nextEmail(),
      userPassword,
    );
    const callback = callbackUrlOf(landed, confidential.redirectUri);

    const otherConfiguration = await discoverApp(server.baseUrl, otherApp);
    await expect(exchangeCode(otherConfiguration, callback, pending)).rejects.toMatchObject({
      error: 'invalid_grant',
    });

    const tokens = await exchangeCode(configuration, callback, pending);
    expect(tokens.claims()?.aud).toBe(confidential.app.clientId);
  });

  it('email is scoped per app', async () => {
    const email = nextEmail();
    const inConfidential = await signUpAppUser(server.baseUrl, confidential, email, userPassword);

    // The password of the user in one app does not open the other app.
    const otherConfiguration = await discoverApp(server.baseUrl, otherApp);
    const pending = await startAuthorization(otherConfiguration, otherApp.redirectUri);
    const rejected = await signInOnHostedPage(
      new HttpClient(server.baseUrl),
      pending,
      email,
      userPassword,
    );
    expect(rejected.response.status).toBe(401);
    expect(rejected.body).toContain('The email or password is not correct');

    const inOther = await signUpAppUser(server.baseUrl, otherApp, email, 'another password 1234');
    expect(inOther.userId).not.toBe(inConfidential.userId);
    expect(inOther.tokens.claims()?.aud).toBe(otherApp.app.clientId);
  });

  it('signs a console browser up to an app as another user', async () => {
    // The owner's browser has a provider session of a console account; the app's sign-up must
    // replace it without losing the pending interaction.
    const configuration = await discoverApp(server.baseUrl, confidential);
    const pending = await startAuthorization(configuration, confidential.redirectUri);
    const signedUp = await signUpOnHostedPage(owner.client, pending, nextEmail(), userPassword);

    // oidc-provider ends the console session first with a self-submitting form (a browser posts
    // it by script); the sign-in then resumes with its interaction intact.
    const action = /<form method="post" action="([^"]+)"/.exec(signedUp.body)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(signedUp.body)?.[1];
    expect(action).toBeTruthy();
    expect(xsrf).toBeTruthy();
    const landed = await owner.client.follow(action as string, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf: xsrf as string, logout: 'yes' }),
    });
    const tokens = await exchangeCode(
      configuration,
      callbackUrlOf(landed, confidential.redirectUri),
      pending,
    );
    expect(tokens.claims()?.sub).not.toBe(owner.accountId);
  });
});
