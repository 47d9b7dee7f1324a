import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { RunningPortcullis } from '../../server/test/support/server.js';
import { HttpClient } from '../../server/test/support/http-client.js';

// Setup for the SDK tests: an app registered the way the console does it, and sign-ins through
// the hosted login pages over HTTP, as a browser would make them.

export const testAuditContext = { actor: 'sdk-test', ip: '127.0.0.1', userAgent: 'vitest' };

/** The redirect URI of the test app. Nothing listens there: tests read the code from the URL. */
export const redirectUri = 'http://localhost:4999/callback';

export interface TestApp {
  appId: string;
  clientId: string;
  clientSecret: string;
  apiKey: string;
}

/** Registers a confidential app owned by a new console account, and creates an API key for it. */
export async function registerTestApp(portcullis: RunningPortcullis, name: string) {
  const { accounts, apps, apiKeys } = portcullis.services;
  const consoleApp = await portcullis.repositories.apps.findById('console');
  if (!consoleApp) throw new Error('The built-in console app is missing.');

  const owner = await accounts.signUp(
    testAuditContext,
    consoleApp,
    `owner-${randomBytes(4).toString('hex')}@example.com`,
    'a long owner password',
  );
  const created = await apps.create(testAuditContext, owner.id, {
    name,
    redirectUris: [redirectUri],
    postLogoutRedirectUris: [],
    clientType: 'confidential',
    signupEnabled: true,
  });
  const appRow = await portcullis.repositories.apps.findById(created.app.id);
  if (!appRow || !created.clientSecret) throw new Error('The test app was not created.');
  const { key } = await apiKeys.create(testAuditContext, appRow, 'SDK tests');

  return {
    appId: created.app.id,
    clientId: created.app.clientId,
    clientSecret: created.clientSecret,
    apiKey: key,
  } satisfies TestApp;
}

export interface SignInResult {
  idToken: string;
  accessToken: string;
  nonce: string;
}

/**
 * Signs a user in through the hosted login and exchanges the authorization code at the token
 * endpoint. `code` is called when the sign-in shows the MFA step. Pass the same
 * `browser` to several sign-ins to keep its cookies, such as a trusted device's, and
 * `prompt: 'login'` to ask for the password although the browser's provider session is valid.
 */
export async function signIn(
  portcullis: RunningPortcullis,
  app: TestApp,
  credentials: { email: string; password: string; code?: () => string; prompt?: 'login' },
  browser = new HttpClient(portcullis.baseUrl),
): Promise<SignInResult> {
  const state = randomBytes(16).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  const authorization = new URL('/oidc/auth', portcullis.baseUrl);
  authorization.search = new URLSearchParams({
    client_id: app.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid email',
    state,
    nonce,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...(credentials.prompt ? { prompt: credentials.prompt } : {}),
  }).toString();

  const signInPage = await browser.follow(authorization.href);
  let landed = await browser.submitForm(signInPage.body, {
    email: credentials.email,
    password: credentials.password,
  });
  if (landed.body.includes('autocomplete="one-time-code"')) {
    if (!credentials.code)
      throw new Error('The sign-in showed the MFA step, but no code function was given.');
    landed = await browser.submitForm(landed.body, { code: credentials.code() });
  }

  const callback = new URL(landed.url);
  expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
  expect(callback.searchParams.get('state')).toBe(state);
  const tokens = await exchangeCode(portcullis, app, callback.searchParams.get('code'), verifier);
  return { idToken: tokens.id_token, accessToken: tokens.access_token, nonce };
}

async function exchangeCode(
  portcullis: RunningPortcullis,
  app: TestApp,
  code: string | null,
  verifier: string,
): Promise<{ id_token: string; access_token: string }> {
  if (!code) throw new Error('The callback URL carries no authorization code.');
  const basic = Buffer.from(
    `${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`,
  ).toString('base64');
  const response = await fetch(new URL('/oidc/token', portcullis.baseUrl), {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { id_token: string; access_token: string };
}
