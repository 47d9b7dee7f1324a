import * as client from 'openid-client';
import { expect } from 'vitest';
import type { ConsoleAccount } from './console-flows.js';
import { HttpClient } from './http-client.js';
import { freePort } from './server.js';

/** An app as the console API returns it. */
export interface ConsoleApp {
  id: string;
  name: string;
  clientId: string;
  clientType: 'confidential' | 'public';
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  signupEnabled: boolean;
  mfaPolicy: 'optional' | 'on';
  rememberMode: 'always' | 'userOptIn' | 'no';
  rememberDays: number;
  createdAt: number;
}

/** An app registered for a test, with what its backend needs to act as an OpenID client. */
export interface RegisteredApp {
  app: ConsoleApp;
  clientSecret: string | null;
  redirectUri: string;
}

/** Tokens of one sign-in, as openid-client returns them. */
export type SignInTokens = client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;

/** One authorization request in flight: the URL to open and the values the callback checks. */
export interface PendingAuthorization {
  url: URL;
  codeVerifier: string;
  state: string;
  nonce: string;
}

/**
 * Returns a loopback callback URL on a port nothing listens on: tests read the code from the
 * Location header and never follow the redirect there.
 */
export async function unusedCallbackUri(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}/callback`;
}

/** Registers an app for a console account through the console API. */
export async function registerApp(
  owner: ConsoleAccount,
  options: { name: string; clientType?: 'confidential' | 'public'; redirectUri?: string },
): Promise<RegisteredApp> {
  const redirectUri = options.redirectUri ?? (await unusedCallbackUri());
  const created = await owner.client.api('POST', '/console/api/apps', owner.csrfToken, {
    name: options.name,
    redirectUris: [redirectUri],
    postLogoutRedirectUris: [redirectUri.replace(/\/callback$/, '/signed-out')],
    clientType: options.clientType ?? 'confidential',
    signupEnabled: true,
  });
  expect(created.status).toBe(201);
  const { app, clientSecret } = created.json as { app: ConsoleApp; clientSecret: string | null };
  return { app, clientSecret, redirectUri };
}

/** Creates an API key, with the password as step-up for an account without MFA, and returns it. */
export async function createApiKey(
  owner: ConsoleAccount,
  appId: string,
  password: string,
  name = 'backend',
): Promise<string> {
  const created = await owner.client.api(
    'POST',
    `/console/api/apps/${appId}/api-keys`,
    owner.csrfToken,
    { name, stepUp: { password } },
  );
  expect(created.status).toBe(201);
  return (created.json as { key: string }).key;
}

/**
 * Discovers the provider as the app's backend would, authenticating with the given secret
 * (confidential client) or with none (public client). Plain http is allowed: the issuer is
 * a loopback address.
 */
export async function discoverApp(
  baseUrl: string,
  registered: RegisteredApp,
  clientSecret: string | null = registered.clientSecret,
): Promise<client.Configuration> {
  const authentication =
    clientSecret === null ? client.None() : client.ClientSecretBasic(clientSecret);
  return client.discovery(
    new URL(baseUrl),
    registered.app.clientId,
    clientSecret ?? undefined,
    authentication,
    { execute: [client.allowInsecureRequests] },
  );
}

/** Builds an authorization request with PKCE (S256), state and nonce. */
export async function startAuthorization(
  configuration: client.Configuration,
  redirectUri: string,
  extra: Record<string, string> = {},
): Promise<PendingAuthorization> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: 'openid email offline_access',
    // OpenID Connect grants offline_access (a refresh token) only with prompt=consent.
    prompt: 'consent',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...extra,
  });
  return { url, codeVerifier, state, nonce };
}

/** Reads the callback URL of a hosted login that ended with a redirect to the app. */
export function callbackUrlOf(
  landed: { response: Response; url: string },
  redirectUri: string,
): URL {
  expect(landed.response.status).toBe(303);
  const callback = new URL(landed.url);
  expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
  expect(callback.searchParams.get('error')).toBeNull();
  expect(callback.searchParams.get('code')).toBeTruthy();
  return callback;
}

/** Opens the hosted sign-up page of an authorization request and creates the user there. */
export async function signUpOnHostedPage(
  browser: HttpClient,
  pending: PendingAuthorization,
  email: string,
  password: string,
) {
  const signInPage = await browser.follow(pending.url.href);
  expect(signInPage.response.status).toBe(200);
  const signUpPath = /<a href="([^"]+\?screen=signup)"/.exec(signInPage.body)?.[1];
  expect(signUpPath).toBeTruthy();
  const signUpPage = await browser.follow(signUpPath as string);
  expect(signUpPage.body).toContain('autocomplete="new-password"');
  return browser.submitForm(signUpPage.body, { email, password });
}

/** Opens the hosted sign-in page of an authorization request and posts the password. */
export async function signInOnHostedPage(
  browser: HttpClient,
  pending: PendingAuthorization,
  email: string,
  password: string,
) {
  const signInPage = await browser.follow(pending.url.href);
  expect(signInPage.response.status).toBe(200);
  expect(signInPage.body).toContain('name="password"');
  return browser.submitForm(signInPage.body, { email, password });
}

/** Exchanges the code of a callback URL with the request's PKCE verifier, state and nonce. */
export async function exchangeCode(
  configuration: client.Configuration,
  callbackUrl: URL,
  pending: PendingAuthorization,
): Promise<SignInTokens> {
  return client.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
}

/** The outcome of a finished sign-in: tokens, the ID token's subject and the browser used. */
export interface AppSignIn {
  tokens: SignInTokens;
  userId: string;
  browser: HttpClient;
}

/**
 * Signs up a new user of an app through the hosted login, as the app would: authorization
 * request, sign-up page, code from the redirect, code exchange.
 */
export async function signUpAppUser(
  baseUrl: string,
  registered: RegisteredApp,
  email: string,
  password: string,
): Promise<AppSignIn> {
  const configuration = await discoverApp(baseUrl, registered);
  const pending = await startAuthorization(configuration, registered.redirectUri);
  const browser = new HttpClient(baseUrl);
  const landed = await signUpOnHostedPage(browser, pending, email, password);
  const tokens = await exchangeCode(
    configuration,
    callbackUrlOf(landed, registered.redirectUri),
    pending,
  );
  const userId = tokens.claims()?.sub;
  expect(userId).toBeTruthy();
  return { tokens, userId: userId as string, browser };
}

/**
 * Signs in an existing user of an app through the hosted login, in a new browser unless one is
 * given. `code` supplies the code for the MFA step, which must then appear.
 */
export async function signInAppUser(
  baseUrl: string,
  registered: RegisteredApp,
  email: string,
  password: string,
  code?: () => string,
  browser: HttpClient = new HttpClient(baseUrl),
): Promise<AppSignIn> {
  const configuration = await discoverApp(baseUrl, registered);
  const pending = await startAuthorization(configuration, registered.redirectUri);
  let landed = await signInOnHostedPage(browser, pending, email, password);
  if (code) {
    expect(landed.body).toContain('autocomplete="one-time-code"');
    landed = await browser.submitForm(landed.body, { code: code() });
  }
  const tokens = await exchangeCode(
    configuration,
    callbackUrlOf(landed, registered.redirectUri),
    pending,
  );
  const userId = tokens.claims()?.sub;
  expect(userId).toBeTruthy();
  return { tokens, userId: userId as string, browser };
}

/** Sends one Auth API request with an API key and returns the status, headers and parsed body. */
export async function callAuthApi(
  baseUrl: string,
  apiKey: string | undefined,
  method: string,
  path: string,
  body?: unknown,
) {
  const headers: Record<string, string> = {};
  if (apiKey !== undefined) headers.authorization = `Bearer ${apiKey}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(`/v1/auth${path}`, baseUrl), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

/** Returns the `error.code` of a JSON error body. */
export function errorCodeOf(result: { json: Record<string, unknown> }): string | undefined {
  return (result.json.error as { code?: string } | undefined)?.code;
}
