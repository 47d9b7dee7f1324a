import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { totp } from '../src/crypto/totp.js';
import { trustedDeviceCookieName } from '../src/mfa/trusted-devices.js';
import type { UserRow } from '../src/storage/users.js';
import { sessionOf, submitConsolePassword } from './support/console-flows.js';
import { testDatabases } from './support/databases.js';
import { HttpClient } from './support/http-client.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';
import { createUserWithAuthenticator, testAuditContext } from './support/users.js';

const password = 'a long test password';
const dayMs = 24 * 60 * 60_000;

describe.each(testDatabases)('trusted devices on $name', (database) => {
  const clock = createTestClock(Date.UTC(2026, 11, 4, 8, 0, 0));
  let server: RunningPortcullis;
  let counter = 0;

  beforeAll(async () => {
    server = await startPortcullis({ database, clock });
  });
  afterAll(async () => server?.stop());

  async function setConsoleMode(rememberMode: 'always' | 'userOptIn' | 'no', rememberDays = 30) {
    const app = await server.repositories.apps.findById('console');
    await server.services.apps.updateSettings(testAuditContext, app!, {
      mfaPolicy: 'optional',
      rememberMode,
      rememberDays,
    });
  }

  async function newUser() {
    counter += 1;
    const email = `trust${counter}@example.com`;
    const created = await createUserWithAuthenticator(server, clock, email);
    return { ...created, email };
  }

  /**
   * Signs in to the console with this browser; fills in the code step when it appears (ticking
   * "Remember this device" if asked) and returns whether the code step appeared.
   */
  async function signIn(
    client: HttpClient,
    user: { email: string; secret: string },
    options: { remember?: boolean } = {},
  ) {
    // Signing out ends the provider session; only the trusted-device cookies stay in the browser.
    for (const name of [...client.cookies.keys()]) {
      if (!name.startsWith('pc_td_')) client.cookies.delete(name);
    }
    clock.advance(30_000);
    const page = await submitConsolePassword(client, user.email, password);
    if (new URL(page.url).pathname === '/console/') return { askedForCode: false, body: page.body };

    expect(page.body).toContain('autocomplete="one-time-code"');
    const fields: Record<string, string> = {
      code: totp({ secret: user.secret, epochMs: clock() }),
    };
    if (options.remember) fields.remember = 'yes';
    const landed = await client.submitForm(page.body, fields);
    expect(new URL(landed.url).pathname).toBe('/console/');
    return { askedForCode: true, body: page.body };
  }

  async function lastSignIn(user: UserRow) {
    const events = await server.repositories.auditEvents.listForUser(user.id, 50);
    const event = events.find((row) => row.event === 'sign_in.succeeded');
    return JSON.parse(event?.detail ?? '{}') as { amr?: string; trustedDevice?: boolean };
  }

  beforeEach(async () => setConsoleMode('userOptIn'));

  it('offers an unchecked box under User Opt-in and remembers only when ticked', async () => {
    const user = await newUser();
    const client = new HttpClient(server.baseUrl);

    const first = await signIn(client, user);
    expect(first.askedForCode).toBe(true);
    expect(first.body).toContain('name="remember"');
    expect(first.body).not.toMatch(/name="remember"[^>]*checked/);
    expect((await signIn(client, user)).askedForCode).toBe(true);

    await signIn(client, user, { remember: true });
    expect((await signIn(client, user)).askedForCode).toBe(false);
    expect(await lastSignIn(user.user)).toEqual({ amr: 'pwd', trustedDevice: true });
  });

  it('remembers every passed code step under Always Remember', async () => {
    await setConsoleMode('always');
    const user = await newUser();
    const client = new HttpClient(server.baseUrl);

    const first = await signIn(client, user);
    expect(first.askedForCode).toBe(true);
    expect(first.body).not.toContain('name="remember"');
    expect((await signIn(client, user)).askedForCode).toBe(false);
    expect((await server.services.trustedDevices.list('console', user.user.id)).length).toBe(1);
  });

  it('asks every time under Don\u2019t Remember and ends existing trust on the switch', async () => {
    await setConsoleMode('always');
    const user = await newUser();
    const client = new HttpClient(server.baseUrl);
    await signIn(client, user);
    expect((await server.services.trustedDevices.list('console', user.user.id)).length).toBe(1);

    await setConsoleMode('no');
    expect((await server.services.trustedDevices.list('console', user.user.id)).length).toBe(0);
    const next = await signIn(client, user);
    expect(next.askedForCode).toBe(true);
    expect(next.body).not.toContain('name="remember"');
    expect((await signIn(client, user)).askedForCode).toBe(true);
  });

  it('rotates the token and revokes the device when an old one returns', async () => {
    const user = await newUser();
    const client = new HttpClient(server.baseUrl);
    await signIn(client, user, { remember: true });
    const cookieName = trustedDeviceCookieName('console', user.user.id);
    const stolen = client.cookies.get(cookieName) as string;
    expect(stolen).toBeTruthy();

    expect((await signIn(client, user)).askedForCode).toBe(false);
    const rotated = client.cookies.get(cookieName);
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(stolen);

    const thief = new HttpClient(server.baseUrl);
    thief.cookies.set(cookieName, stolen);
    expect((await signIn(thief, user)).askedForCode).toBe(true);
    const events = (await server.repositories.auditEvents.listForUser(user.user.id, 100)).map(
      (row) => row.event,
    );
    expect(events).toContain('trusted_device.replayed');

    // The replay ended the device's trust, for the rightful browser too.
    expect((await signIn(client, user)).askedForCode).toBe(true);
  });

  it('never lets one user\u2019s cookie skip the code for another', async () => {
    const alice = await newUser();
    const bob = await newUser();
    const client = new HttpClient(server.baseUrl);
    await signIn(client, alice, { remember: true });
    expect((await signIn(client, bob)).askedForCode).toBe(true);

    const aliceToken = client.cookies.get(
      trustedDeviceCookieName('console', alice.user.id),
    ) as string;
    client.cookies.set(trustedDeviceCookieName('console', bob.user.id), aliceToken);
    expect((await signIn(client, bob)).askedForCode).toBe(true);
    expect((await signIn(client, alice)).askedForCode).toBe(false);
  });

  it('ends trust at expiry', async () => {
    await setConsoleMode('userOptIn', 2);
    const user = await newUser();
    const client = new HttpClient(server.baseUrl);
    await signIn(client, user, { remember: true });
    clock.advance(dayMs);
    expect((await signIn(client, user)).askedForCode).toBe(false);
    clock.advance(2 * dayMs);
    expect((await signIn(client, user)).askedForCode).toBe(true);
  });

  it('shortens existing trust when the period shrinks', async () => {
    await setConsoleMode('userOptIn', 30);
    const user = await newUser();
    const client = new HttpClient(server.baseUrl);
    await signIn(client, user, { remember: true });
    await setConsoleMode('userOptIn', 2);
    clock.advance(3 * dayMs);
    expect((await signIn(client, user)).askedForCode).toBe(true);
  });

  it('ends trust when the user forgets the device', async () => {
    const user = await newUser();
    const client = new HttpClient(server.baseUrl);
    await signIn(client, user, { remember: true });
    const account = await sessionOf(client);

    const listed = await client.api('GET', '/console/api/trusted-devices', account.csrfToken);
    const devices = listed.json.devices as Array<{ id: string; description: string }>;
    expect(devices).toHaveLength(1);
    expect(devices[0]?.description).toMatch(/on|browser/i);

    const forgotten = await client.api(
      'DELETE',
      `/console/api/trusted-devices/${devices[0]?.id}`,
      account.csrfToken,
    );
    expect(forgotten.status).toBe(204);
    expect((await signIn(client, user)).askedForCode).toBe(true);
  });

  it('ends trust on MFA reset and on password reset', async () => {
    const user = await newUser();
    const client = new HttpClient(server.baseUrl);
    await signIn(client, user, { remember: true });
    await server.services.trustedDevices.forgetAll(testAuditContext, user.user, 'password reset');
    expect((await signIn(client, user)).askedForCode).toBe(true);

    await signIn(client, user, { remember: true });
    expect((await server.services.trustedDevices.list('console', user.user.id)).length).toBe(1);
    await server.services.mfa.resetMfa(testAuditContext, user.user, 'lost phone');
    expect((await server.services.trustedDevices.list('console', user.user.id)).length).toBe(0);
  });

  it('still demands a code for step-up on a trusted device', async () => {
    const user = await newUser();
    const client = new HttpClient(server.baseUrl);
    await signIn(client, user, { remember: true });
    expect((await signIn(client, user)).askedForCode).toBe(false);
    const account = await sessionOf(client);

    const removal = await client.api(
      'DELETE',
      `/console/api/mfa/authenticators/${user.authenticatorId}`,
      account.csrfToken,
      {},
    );
    expect(removal.status).toBe(403);
    expect((removal.json.error as { code: string }).code).toBe('step_up_required');
  });
});
