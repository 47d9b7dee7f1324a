import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/crypto/totp.js';
import {
  callAuthApi,
  callbackUrlOf,
  createApiKey,
  discoverApp,
  exchangeCode,
  registerApp,
  signInAppUser,
  signInOnHostedPage,
  signUpAppUser,
  signUpOnHostedPage,
  startAuthorization,
  unusedCallbackUri,
  type AppSignIn,
  type RegisteredApp,
} from './support/app-flows.js';
import { signUpToConsole, type ConsoleAccount } from './support/console-flows.js';
import { testDatabases } from './support/databases.js';
import { HttpClient } from './support/http-client.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';

const ownerPassword = 'owner password 1234';
const userPassword = 'user password 1234';

/** A failed client authentication: 401 with an `invalid_client` WWW-Authenticate challenge. */
const invalidClient = {
  status: 401,
  cause: [{ scheme: 'basic', parameters: { error: 'invalid_client' } }],
};

describe.each(testDatabases)('OpenID provider with openid-client on $name', (database) => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 14, 0, 0));
  let server: RunningPortcullis;
  let owner: ConsoleAccount;
  let confidential: RegisteredApp;
  let publicApp: RegisteredApp;
  let confidentialKey: string;
  let firstSignIn: AppSignIn;
  let emailCounter = 0;

  /** A new address for each user, so tests do not depend on each other's users. */
  const nextEmail = () => `user${(emailCounter += 1)}@example.com`;

  beforeAll(async () => {
    server = await startPortcullis({ database, clock });
    owner = await signUpToConsole(server.baseUrl, 'owner@example.com', ownerPassword);
    confidential = await registerApp(owner, { name: 'Acme Notes' });
    publicApp = await registerApp(owner, { name: 'Acme Mobile', clientType: 'public' });
    confidentialKey = await createApiKey(owner, confidential.app.id, ownerPassword);
  });
  afterAll(async () => server?.stop());

  it('discovery publishes the issuer and endpoints', async () => {
    const configuration = await discoverApp(server.baseUrl, confidential);
    const metadata = configuration.serverMetadata();

    expect(metadata.issuer).toBe(server.baseUrl);
    expect(metadata.authorization_endpoint).toBe(`${server.baseUrl}/oidc/auth`);
    expect(metadata.token_endpoint).toBe(`${server.baseUrl}/oidc/token`);
    expect(metadata.userinfo_endpoint).toBe(`${server.baseUrl}/oidc/me`);
    expect(metadata.jwks_uri).toBe(`${server.baseUrl}/oidc/jwks`);
    expect(metadata.end_session_endpoint).toBe(`${server.baseUrl}/oidc/session/end`);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.id_token_signing_alg_values_supported).toEqual(['ES256']);
    expect(metadata.grant_types_supported).toContain('refresh_token');
    expect(metadata.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'email', 'offline_access']),
    );
  });

  it('code flow signs up a user', async () => {
    const email = nextEmail();
    firstSignIn = await signUpAppUser(server.baseUrl, confidential, email, userPassword);
    const { tokens, userId } = firstSignIn;

    const stored = await server.repositories.users.findByEmail(confidential.app.id, email);
    expect(stored?.id).toBe(userId);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.scope?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));

    const claims = tokens.claims();
    expect(claims?.iss).toBe(server.baseUrl);
    expect(claims?.aud).toBe(confidential.app.clientId);
    expect(claims?.sub).toBe(stored?.id);
    expect(claims?.email).toBe(email);
    expect(claims?.trusted_device).toBeUndefined();
  });

  it('id token verifies against the JWKS', async () => {
    const idToken = firstSignIn.tokens.id_token as string;
    const jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/oidc/jwks`));

    const { payload, protectedHeader } = await jwtVerify(idToken, jwks, {
      issuer: server.baseUrl,
      audience: confidential.app.clientId,
      algorithms: ['ES256'],
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload.sub).toBe(firstSignIn.userId);

    // A changed payload under the same signature must not verify.
    const [header, , signature] = idToken.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ ...payload, sub: 'someone-else' }),
      'utf8',
    ).toString('base64url');
    await expect(
      jwtVerify(`${header}.${forgedBody}.${signature}`, jwks, { algorithms: ['ES256'] }),
    ).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });

  it('id token carries auth_time under max_age', async () => {
    const configuration = await discoverApp(server.baseUrl, confidential);
    const pending = await startAuthorization(configuration, confidential.redirectUri, {
      max_age: '600',
    });
    const before = Math.floor(Date.now() / 1000);
    const browser = new HttpClient(server.baseUrl);
    const email = nextEmail();
    await callAuthApi(server.baseUrl, confidentialKey, 'POST', '/users', {
      email,
      password: userPassword,
    });
    const landed = await signInOnHostedPage(browser, pending, email, userPassword);
    const tokens = await exchangeCode(
      configuration,
      callbackUrlOf(landed, confidential.redirectUri),
      pending,
    );
    const after = Math.floor(Date.now() / 1000);

    const authTime = tokens.claims()?.auth_time;
    expect(typeof authTime).toBe('number');
    expect(authTime).toBeGreaterThanOrEqual(before);
    expect(authTime).toBeLessThanOrEqual(after);
  });

  it('userinfo returns the email', async () => {
    const configuration = await discoverApp(server.baseUrl, confidential);
    const stored = await server.repositories.users.findById(firstSignIn.userId);

    const userinfo = await client.fetchUserInfo(
      configuration,
      firstSignIn.tokens.access_token,
      firstSignIn.userId,
    );
    expect(userinfo.sub).toBe(firstSignIn.userId);
    expect(userinfo.email).toBe(stored?.email);
  });

  it('code exchange returns a refresh token', async () => {
    // The authorization request includes offline_access, as for any app that needs refresh tokens.
    const { tokens } = await signUpAppUser(server.baseUrl, confidential, nextEmail(), userPassword);
    expect(tokens.scope?.split(' ')).toContain('offline_access');
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('refresh rotates a public client token', async () => {
    const { tokens, userId } = await signUpAppUser(
      server.baseUrl,
      publicApp,
      nextEmail(),
      userPassword,
    );
    const configuration = await discoverApp(server.baseUrl, publicApp);
    const refreshToken = tokens.refresh_token as string;

    const refreshed = await client.refreshTokenGrant(configuration, refreshToken);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(refreshToken);
    expect(refreshed.claims()?.sub).toBe(userId);
    const userinfo = await client.fetchUserInfo(configuration, refreshed.access_token, userId);
    expect(userinfo.sub).toBe(userId);

    await expect(client.refreshTokenGrant(configuration, refreshToken)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('refresh rotates a confidential client token', async () => {
    const { tokens, userId } = await signUpAppUser(
      server.baseUrl,
      confidential,
      nextEmail(),
      userPassword,
    );
    const configuration = await discoverApp(server.baseUrl, confidential);
    const refreshToken = tokens.refresh_token as string;

    const refreshed = await client.refreshTokenGrant(configuration, refreshToken);
    expect(refreshed.claims()?.sub).toBe(userId);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(refreshToken);
    await expect(client.refreshTokenGrant(configuration, refreshToken)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('mfa sign-in passes the code step', async () => {
    const email = nextEmail();
    const { tokens, userId } = await signUpAppUser(
      server.baseUrl,
      confidential,
      email,
      userPassword,
    );
    const secret = await enrolThroughAuthApi(userId, tokens.access_token);

    clock.advance(30_000);
    const signedIn = await signInAppUser(server.baseUrl, confidential, email, userPassword, () =>
      totp({ secret, epochMs: clock() }),
    );
    expect(signedIn.userId).toBe(userId);

    // The access token records both factors, and introspection shows them to the app's backend.
    const configuration = await discoverApp(server.baseUrl, confidential);
    const introspection = await client.tokenIntrospection(
      configuration,
      signedIn.tokens.access_token,
    );
    expect(introspection.active).toBe(true);
    expect(introspection.sub).toBe(userId);
    expect(introspection.amr).toEqual(['pwd', 'otp', 'mfa']);
  });

  it('id token amr names each factor', async () => {
    const email = nextEmail();
    const { tokens, userId } = await signUpAppUser(
      server.baseUrl,
      confidential,
      email,
      userPassword,
    );
    expect.soft(tokens.claims()?.amr).toEqual(['pwd']);
    const secret = await enrolThroughAuthApi(userId, tokens.access_token);

    clock.advance(30_000);
    const signedIn = await signInAppUser(server.baseUrl, confidential, email, userPassword, () =>
      totp({ secret, epochMs: clock() }),
    );
    expect.soft(signedIn.tokens.claims()?.amr).toEqual(['pwd', 'otp', 'mfa']);
  });

  /** Enrols an authenticator for a user of the confidential app and returns its secret. */
  async function enrolThroughAuthApi(userId: string, accessToken: string) {
    const issued = await callAuthApi(
      server.baseUrl,
      confidentialKey,
      'POST',
      `/users/${userId}/mfa/software-token/secret-code`,
      { access_token: accessToken },
    );
    expect(issued.status).toBe(201);
    const secret = issued.json.secret_code as string;
    const confirmed = await callAuthApi(
      server.baseUrl,
      confidentialKey,
      'PUT',
      `/users/${userId}/mfa/software-token`,
      { access_token: accessToken, verification_code: totp({ secret, epochMs: clock() }) },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.enabled).toBe(true);
    return secret;
  }

  it('logout ends the provider session', async () => {
    const configuration = await discoverApp(server.baseUrl, confidential);
    const { tokens, browser } = await signUpAppUser(
      server.baseUrl,
      confidential,
      nextEmail(),
      userPassword,
    );
    // While the session lasts, the same browser gets a code without a password.
    const whileSignedIn = await startAuthorization(configuration, confidential.redirectUri);
    callbackUrlOf(await browser.follow(whileSignedIn.url.href), confidential.redirectUri);

    const signedOutUri = confidential.redirectUri.replace(/\/callback$/, '/signed-out');
    const state = client.randomState();
    const endSession = client.buildEndSessionUrl(configuration, {
      id_token_hint: tokens.id_token as string,
      post_logout_redirect_uri: signedOutUri,
      state,
    });

    const confirmPage = await browser.follow(endSession.href);
    expect(confirmPage.response.status).toBe(200);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirmPage.body)?.[1];
    expect(xsrf).toBeTruthy();
    const ended = await browser.follow('/oidc/session/end/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf: xsrf as string, logout: 'yes' }),
    });
    const landing = new URL(ended.url);
    expect(`${landing.origin}${landing.pathname}`).toBe(signedOutUri);
    expect(landing.searchParams.get('state')).toBe(state);

    // The next authorization request in the same browser shows the password page again.
    const pending = await startAuthorization(configuration, confidential.redirectUri);
    const next = await browser.follow(pending.url.href);
    expect(next.response.status).toBe(200);
    expect(next.body).toContain('name="password"');
  });

  it('unregistered redirect uri shows error', async () => {
    const configuration = await discoverApp(server.baseUrl, confidential);
    const strayUri = await unusedCallbackUri();
    const pending = await startAuthorization(configuration, strayUri);
    const browser = new HttpClient(server.baseUrl);

    const response = await browser.request(pending.url.href);
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(body).toContain('Sign-in could not continue');
    expect(body).toContain('redirect_uri');
    expect(body).not.toContain('code=');
  });

  it('token request without verifier fails', async () => {
    const { configuration, pending, callback } = await codeForNewUser(confidential);
    await expect(
      client.authorizationCodeGrant(configuration, callback, {
        expectedState: pending.state,
        expectedNonce: pending.nonce,
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('token request with wrong verifier fails', async () => {
    const { configuration, pending, callback } = await codeForNewUser(confidential);
    await expect(
      client.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        expectedState: pending.state,
        expectedNonce: pending.nonce,
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('reused code revokes its tokens', async () => {
    const { configuration, pending, callback } = await codeForNewUser(confidential);
    const tokens = await exchangeCode(configuration, callback, pending);
    const userId = tokens.claims()?.sub as string;
    await expect(
      client.fetchUserInfo(configuration, tokens.access_token, userId),
    ).resolves.toMatchObject({ sub: userId });

    await expect(exchangeCode(configuration, callback, pending)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    // A replayed code may mean it was stolen: the tokens of its first exchange stop working.
    await expect(
      client.fetchUserInfo(configuration, tokens.access_token, userId),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('public client without PKCE is rejected', async () => {
    const configuration = await discoverApp(server.baseUrl, publicApp);
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: publicApp.redirectUri,
      scope: 'openid email',
      state: client.randomState(),
      nonce: client.randomNonce(),
    });
    const browser = new HttpClient(server.baseUrl);

    const landed = await browser.follow(url.href);
    expect(landed.response.status).toBe(303);
    const callback = new URL(landed.url);
    expect(`${callback.origin}${callback.pathname}`).toBe(publicApp.redirectUri);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('code')).toBeNull();
    expect(landed.body).not.toContain('name="password"');
  });

  it('wrong client secret fails the exchange', async () => {
    const { pending, callback } = await codeForNewUser(confidential);
    const wrong = await discoverApp(server.baseUrl, confidential, 'pcs_not-the-secret');
    await expect(exchangeCode(wrong, callback, pending)).rejects.toMatchObject(invalidClient);

    // The code itself was fine: the right secret still redeems it.
    const right = await discoverApp(server.baseUrl, confidential);
    const tokens = await exchangeCode(right, callback, pending);
    expect(tokens.claims()?.aud).toBe(confidential.app.clientId);
  });

  it('regenerated client secret replaces old', async () => {
    const rotating = await registerApp(owner, { name: 'Rotating App' });
    const oldSecret = rotating.clientSecret as string;
    const regenerated = await owner.client.api(
      'POST',
      `/console/api/apps/${rotating.app.id}/client-secret`,
      owner.csrfToken,
      { stepUp: { password: ownerPassword } },
    );
    expect(regenerated.status).toBe(200);
    const newSecret = regenerated.json.clientSecret as string;
    expect(newSecret).not.toBe(oldSecret);

    const stale = await codeForNewUser(rotating, oldSecret);
    await expect(
      exchangeCode(stale.configuration, stale.callback, stale.pending),
    ).rejects.toMatchObject(invalidClient);

    const fresh = await codeForNewUser(rotating, newSecret);
    const tokens = await exchangeCode(fresh.configuration, fresh.callback, fresh.pending);
    expect(tokens.claims()?.aud).toBe(rotating.app.clientId);
  });

  /** Signs up a new user of an app and stops at the redirect, leaving the code unexchanged. */
  async function codeForNewUser(
    registered: RegisteredApp,
    clientSecret: string | null = registered.clientSecret,
  ) {
    const configuration = await discoverApp(server.baseUrl, registered, clientSecret);
    const pending = await startAuthorization(configuration, registered.redirectUri);
    const browser = new HttpClient(server.baseUrl);
    const landed = await signUpOnHostedPage(browser, pending, nextEmail(), userPassword);
    return { configuration, pending, callback: callbackUrlOf(landed, registered.redirectUri) };
  }
});
