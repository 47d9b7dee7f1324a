import { expect } from 'vitest';
import { HttpClient } from './http-client.js';

export interface ConsoleAccount {
  client: HttpClient;
  csrfToken: string;
  accountId: string;
}

async function readSession(client: HttpClient): Promise<ConsoleAccount> {
  const response = await client.request('/console/api/session');
  expect(response.status).toBe(200);
  const session = (await response.json()) as { account: { id: string }; csrfToken: string };
  return { client, csrfToken: session.csrfToken, accountId: session.account.id };
}

/** Creates a console account through the hosted sign-up page and returns its signed-in session. */
export async function signUpToConsole(
  baseUrl: string,
  email: string,
  password: string,
): Promise<ConsoleAccount> {
  const client = new HttpClient(baseUrl);
  const signUpPage = await client.follow('/console/login?screen=signup');
  expect(signUpPage.body).toContain('name="password"');
  const landed = await client.submitForm(signUpPage.body, { email, password });
  expect(new URL(landed.url).pathname).toBe('/console/');
  return readSession(client);
}

/** Starts a console sign-in and posts the password; returns the page that follows. */
export async function submitConsolePassword(client: HttpClient, email: string, password: string) {
  const signInPage = await client.follow('/console/login');
  expect(signInPage.body).toContain('name="password"');
  return client.submitForm(signInPage.body, { email, password });
}

/** Finishes a sign-in whose current page is the code step. */
export async function submitMfaCode(client: HttpClient, codePage: string, code: string) {
  return client.submitForm(codePage, { code });
}

export async function sessionOf(client: HttpClient): Promise<ConsoleAccount> {
  return readSession(client);
}

export async function enrolAuthenticator(account: ConsoleAccount, name: string) {
  const started = await account.client.api(
    'POST',
    '/console/api/mfa/authenticators',
    account.csrfToken,
    { name },
  );
  expect(started.status).toBe(201);
  return started.json as { id: string; secret: string; otpauthUri: string; qrCode: string };
}

export async function signOutOfConsole(account: ConsoleAccount) {
  const result = await account.client.api('POST', '/console/logout', account.csrfToken, {});
  expect(result.status).toBe(200);
  const logoutPage = await account.client.follow(result.json.redirectTo as string);
  // The confirmation form is submitted by script in a browser; here it is posted by hand.
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(logoutPage.body)?.[1];
  expect(xsrf).toBeTruthy();
  const ended = await account.client.follow('/oidc/session/end/confirm', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf: xsrf as string, logout: 'yes' }),
  });
  return ended;
}
