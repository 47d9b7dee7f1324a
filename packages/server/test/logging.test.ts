import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/crypto/totp.js';
import {
  enrolAuthenticator,
  sessionOf,
  signOutOfConsole,
  signUpToConsole,
  submitConsolePassword,
  submitMfaCode,
} from './support/console-flows.js';
import { testDatabases } from './support/databases.js';
import { HttpClient } from './support/http-client.js';
import {
  createLogCapture,
  createTestClock,
  startPortcullis,
  type RunningPortcullis,
} from './support/server.js';

/** Values that must never appear in a log line: whole, and for long ones any 16-character piece. */
function leaksIn(lines: string[], secrets: Map<string, string>) {
  const leaks: string[] = [];
  for (const [label, value] of secrets) {
    const needles = value.length > 24 ? [value, value.slice(0, 16), value.slice(-16)] : [value];
    for (const line of lines) {
      if (needles.some((needle) => line.includes(needle)))
        leaks.push(`${label} in: ${line.slice(0, 200)}`);
    }
  }
  return leaks;
}

describe('log lines over a whole console flow', () => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 14, 0, 0));
  const capture = createLogCapture();
  let server: RunningPortcullis;

  beforeAll(async () => {
    server = await startPortcullis({
      database: testDatabases[0]!,
      clock,
      logStream: capture.stream,
    });
  });
  afterAll(async () => server?.stop());

  it('contain no password, secret, code, cookie or token', async () => {
    const email = 'logs@example.com';
    const password = 'a password never logged';
    const secrets = new Map<string, string>([['password', password]]);

    const account = await signUpToConsole(server.baseUrl, email, password);
    secrets.set('csrf token', account.csrfToken);
    const enrolment = await enrolAuthenticator(account, 'Phone');
    secrets.set('totp secret', enrolment.secret);
    secrets.set('otpauth uri', enrolment.otpauthUri);

    const firstCode = totp({ secret: enrolment.secret, epochMs: clock() });
    secrets.set('enrolment code', firstCode);
    const confirmed = await account.client.api(
      'POST',
      `/console/api/mfa/authenticators/${enrolment.id}/confirm`,
      account.csrfToken,
      {
        code: firstCode,
      },
    );
    expect(confirmed.status).toBe(200);
    await signOutOfConsole(account);

    clock.advance(30_000);
    const client = new HttpClient(server.baseUrl);
    const codePage = await submitConsolePassword(client, email, password);
    await submitMfaCode(client, codePage.body, '000001');
    const signInCode = totp({ secret: enrolment.secret, epochMs: clock() });
    secrets.set('sign-in code', signInCode);
    const landed = await submitMfaCode(client, codePage.body, signInCode);
    expect(new URL(landed.url).pathname).toBe('/console/');
    secrets.set('second csrf token', (await sessionOf(client)).csrfToken);

    for (const [index, value] of [
      ...account.client.seenCookieValues,
      ...client.seenCookieValues,
    ].entries()) {
      if (value.length >= 16) secrets.set(`cookie ${index}`, decodeURIComponent(value));
    }
    for (const location of [...account.client.seenLocations, ...client.seenLocations]) {
      const url = new URL(location, server.baseUrl);
      for (const parameter of ['code', 'state', 'nonce', 'code_challenge', 'id_token_hint']) {
        const value = url.searchParams.get(parameter);
        if (value && value.length >= 16) secrets.set(`${parameter} parameter`, value);
      }
    }

    expect(capture.lines.length).toBeGreaterThan(20);
    expect(secrets.size).toBeGreaterThan(10);
    expect(leaksIn(capture.lines, secrets)).toEqual([]);
    expect(capture.lines.some((line) => line.includes('"audit":"sign_in.succeeded"'))).toBe(true);

    const auditRows = await server.repositories.auditEvents.listRecent(500);
    expect(
      leaksIn(
        auditRows.map((row) => JSON.stringify(row)),
        secrets,
      ),
    ).toEqual([]);
  });
});
