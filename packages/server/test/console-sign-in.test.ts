import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrolAuthenticator,
  sessionOf,
  signOutOfConsole,
  signUpToConsole,
  submitConsolePassword,
  submitMfaCode,
  type ConsoleAccount,
} from './support/console-flows.js';
import { testDatabases } from './support/databases.js';
import { HttpClient } from './support/http-client.js';
import { oathtoolTotp, requireTool } from './support/oathtool.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';

const hasOathtool = requireTool('oathtool');

describe.each(testDatabases)('console sign-in with TOTP on $name', (database) => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 12, 0, 0));
  const email = 'dev@example.com';
  const password = 'correct horse battery';
  let server: RunningPortcullis;
  let account: ConsoleAccount;
  let secret: string;
  let authenticatorId: string;

  beforeAll(async () => {
    server = await startPortcullis({ database, clock });
  });
  afterAll(async () => server?.stop());

  it('signs up and opens a console session', async () => {
    account = await signUpToConsole(server.baseUrl, email, password);
    const mfa = await account.client.api('GET', '/console/api/mfa', account.csrfToken);
    expect(mfa.json).toEqual({ enabled: false, authenticators: [] });
  });

  it('rejects console calls without the CSRF token', async () => {
    const response = await account.client.request('/console/api/mfa/authenticators', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Phone' }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'csrf_invalid',
    );
  });

  it.runIf(hasOathtool)('enrols an authenticator confirmed by an oathtool code', async () => {
    const enrolment = await enrolAuthenticator(account, 'Work phone');
    secret = enrolment.secret;
    authenticatorId = enrolment.id;
    expect(enrolment.otpauthUri).toBe(
      `otpauth://totp/Portcullis:dev%40example.com?issuer=Portcullis&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(enrolment.qrCode.startsWith('data:image/png;base64,')).toBe(true);

    const wrong = await account.client.api(
      'POST',
      `/console/api/mfa/authenticators/${authenticatorId}/confirm`,
      account.csrfToken,
      {
        code: '000000',
      },
    );
    expect(wrong.status).toBe(400);
    expect((wrong.json.error as { code: string }).code).toBe('mfa_code_invalid');

    const code = oathtoolTotp(secret, clock());
    const confirmed = await account.client.api(
      'POST',
      `/console/api/mfa/authenticators/${authenticatorId}/confirm`,
      account.csrfToken,
      {
        code: `${code.slice(0, 3)} ${code.slice(3)}`,
      },
    );
    expect(confirmed.status).toBe(200);
    const mfa = await account.client.api('GET', '/console/api/mfa', account.csrfToken);
    expect(mfa.json.enabled).toBe(true);
    expect((mfa.json.authenticators as Array<{ name: string }>).map((row) => row.name)).toEqual([
      'Work phone',
    ]);
  });

  it.runIf(hasOathtool)('signs out and asks for a code at the next sign-in', async () => {
    await signOutOfConsole(account);
    const signedOut = await account.client.request('/console/api/session');
    expect(signedOut.status).toBe(401);

    clock.advance(30_000);
    const client = new HttpClient(server.baseUrl);
    const codePage = await submitConsolePassword(client, email, password);
    expect(codePage.body).toContain('autocomplete="one-time-code"');

    const wrong = await submitMfaCode(client, codePage.body, '123456');
    expect(wrong.response.status).toBe(400);
    expect(wrong.body).toContain('That code is not valid');

    const code = oathtoolTotp(secret, clock());
    const landed = await submitMfaCode(client, wrong.body, `${code.slice(0, 3)} ${code.slice(3)}`);
    expect(new URL(landed.url).pathname).toBe('/console/');
    account = await sessionOf(client);

    // The same code at a second sign-in in the same time step is a replay.
    const other = new HttpClient(server.baseUrl);
    const secondCodePage = await submitConsolePassword(other, email, password);
    const replay = await submitMfaCode(other, secondCodePage.body, code);
    expect(replay.response.status).toBe(400);
    expect(replay.body).toContain('already been used');
  });

  it.runIf(hasOathtool)(
    'removes a device only with a current code, and MFA turns off',
    async () => {
      const withoutCode = await account.client.api(
        'DELETE',
        `/console/api/mfa/authenticators/${authenticatorId}`,
        account.csrfToken,
        {},
      );
      expect(withoutCode.status).toBe(403);
      expect((withoutCode.json.error as { code: string }).code).toBe('step_up_required');

      clock.advance(30_000);
      const removed = await account.client.api(
        'DELETE',
        `/console/api/mfa/authenticators/${authenticatorId}`,
        account.csrfToken,
        {
          code: oathtoolTotp(secret, clock()),
        },
      );
      expect(removed.status).toBe(204);
      const mfa = await account.client.api('GET', '/console/api/mfa', account.csrfToken);
      expect(mfa.json).toEqual({ enabled: false, authenticators: [] });

      const client = new HttpClient(server.baseUrl);
      const landed = await submitConsolePassword(client, email, password);
      expect(new URL(landed.url).pathname).toBe('/console/');
    },
  );

  it('rejects a wrong password without saying whether the account exists', async () => {
    const known = await submitConsolePassword(
      new HttpClient(server.baseUrl),
      email,
      'wrong password 1',
    );
    const unknown = await submitConsolePassword(
      new HttpClient(server.baseUrl),
      'nobody@example.com',
      'wrong password 1',
    );
    expect(known.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect(known.body).toContain('The email or password is not correct');
    expect(unknown.body).toContain('The email or password is not correct');
  });
});
