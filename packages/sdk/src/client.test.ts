import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../../server/src/crypto/totp.js';
import { testDatabases } from '../../server/test/support/databases.js';
import {
  createTestClock,
  startPortcullis,
  type RunningPortcullis,
} from '../../server/test/support/server.js';
import { wrongCodeAt } from '../test/codes.js';
import { registerTestApp, signIn, type TestApp } from '../test/hosted-sign-in.js';
import { createPortcullisClient, type PortcullisClient } from './client.js';
import { PortcullisApiError } from './errors.js';

const sqlite = testDatabases[0]!;
const password = 'a long user password';
const stepMs = 30_000;

describe('Portcullis client', () => {
  // The server reads this clock. It moves one time step before each code after the first,
  // because the server accepts a code only once per time step.
  const clock = createTestClock();
  let server: RunningPortcullis;
  let app: TestApp;
  let portcullis: PortcullisClient;

  /** Creates a user through the SDK and signs them in through the hosted login. */
  async function signedInUser(email: string) {
    const user = await portcullis.createUser({ email, password });
    const { accessToken } = await signIn(server, app, { email, password });
    return { user, accessToken };
  }

  async function expectApiError(call: Promise<unknown>, status: number, code: string) {
    const error = await call.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(PortcullisApiError);
    expect(error).toMatchObject({ status, code });
    expect((error as PortcullisApiError).message).not.toBe('');
  }

  beforeAll(async () => {
    server = await startPortcullis({ database: sqlite, clock });
    app = await registerTestApp(server, 'SDK client tests');
    portcullis = createPortcullisClient({ baseUrl: server.baseUrl, apiKey: app.apiKey });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('createUser returns the new user', async () => {
    const created = await portcullis.createUser({ email: 'ada@example.com', password });

    expect(created).toMatchObject({ email: 'ada@example.com', mfa_enabled: false });
    expect(await portcullis.getUser(created.id)).toEqual(created);
    const listed = await portcullis.listUsers({ email: 'ada@' });
    expect(listed.total_count).toBe(1);
    expect(listed.users).toEqual([created]);
  });

  it('createUser rejects a taken email', async () => {
    await portcullis.createUser({ email: 'taken@example.com', password });

    await expectApiError(
      portcullis.createUser({ email: 'taken@example.com', password }),
      409,
      'email_taken',
    );
  });

  it('deleteUser removes the user', async () => {
    const created = await portcullis.createUser({ email: 'gone@example.com', password });

    await portcullis.deleteUser(created.id);

    await expectApiError(portcullis.getUser(created.id), 404, 'not_found');
  });

  it('wrong API key is invalid_api_key', async () => {
    const stranger = createPortcullisClient({
      baseUrl: server.baseUrl,
      apiKey: 'pc_live_not-a-real-key',
    });

    await expectApiError(stranger.listUsers(), 401, 'invalid_api_key');
  });

  it('fetch option carries every request', async () => {
    const requested: string[] = [];
    const recording = createPortcullisClient({
      baseUrl: server.baseUrl,
      apiKey: app.apiKey,
      fetch: (input, init) => {
        requested.push(input instanceof Request ? `${input.method} ${input.url}` : String(input));
        return fetch(input, init);
      },
    });

    await recording.getSignInSettings();

    expect(requested).toEqual([`GET ${server.baseUrl}/v1/auth/sign-in-settings`]);
  });

  it('new user has MFA off', async () => {
    const created = await portcullis.createUser({ email: 'new@example.com', password });

    expect(await portcullis.getMfaPreference(created.id)).toEqual({
      enabled: false,
      method: 'softwareToken',
    });
  });

  it('enableMfa without authenticator is mfa_not_enrolled', async () => {
    const created = await portcullis.createUser({ email: 'not-enrolled@example.com', password });

    await expectApiError(portcullis.enableMfa(created.id), 409, 'mfa_not_enrolled');
  });

  it('enrolment turns MFA on', async () => {
    const { user, accessToken } = await signedInUser('enrol@example.com');

    const { secret_code: secret, otpauth_uri: uri } = await portcullis.startTotpEnrolment(
      user.id,
      accessToken,
    );
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(new URL(uri).searchParams.get('secret')).toBe(secret);

    const code = totp({ secret, epochMs: clock() });
    expect(await portcullis.confirmTotpEnrolment(user.id, accessToken, code)).toEqual({
      enabled: true,
      method: 'softwareToken',
    });
    expect((await portcullis.getMfaPreference(user.id)).enabled).toBe(true);
    expect((await portcullis.getUser(user.id)).mfa_enabled).toBe(true);
    expect((await portcullis.enableMfa(user.id)).enabled).toBe(true);
  });

  it('enrolment rejects a wrong code', async () => {
    const { user, accessToken } = await signedInUser('wrong-code@example.com');
    const { secret_code: secret } = await portcullis.startTotpEnrolment(user.id, accessToken);

    await expectApiError(
      portcullis.confirmTotpEnrolment(user.id, accessToken, wrongCodeAt(secret, clock())),
      400,
      'mfa_code_invalid',
    );
    expect((await portcullis.getMfaPreference(user.id)).enabled).toBe(false);
  });

  it("another user's access token is rejected", async () => {
    const first = await signedInUser('first@example.com');
    const second = await signedInUser('second@example.com');

    await expectApiError(
      portcullis.startTotpEnrolment(first.user.id, second.accessToken),
      401,
      'invalid_access_token',
    );
  });

  it('disableMfa needs a current code', async () => {
    const { user, accessToken } = await signedInUser('disable@example.com');
    const { secret_code: secret } = await portcullis.startTotpEnrolment(user.id, accessToken);
    await portcullis.confirmTotpEnrolment(user.id, accessToken, totp({ secret, epochMs: clock() }));

    clock.advance(stepMs);
    await expectApiError(
      portcullis.disableMfa(user.id, accessToken, wrongCodeAt(secret, clock())),
      400,
      'mfa_code_invalid',
    );
    expect((await portcullis.getMfaPreference(user.id)).enabled).toBe(true);

    const current = totp({ secret, epochMs: clock() });
    expect(await portcullis.disableMfa(user.id, accessToken, current)).toEqual({
      enabled: false,
      method: 'softwareToken',
    });
    expect((await portcullis.getMfaPreference(user.id)).enabled).toBe(false);
  });

  it('resetMfa turns MFA off', async () => {
    const { user, accessToken } = await signedInUser('reset@example.com');
    const { secret_code: secret } = await portcullis.startTotpEnrolment(user.id, accessToken);
    clock.advance(stepMs);
    await portcullis.confirmTotpEnrolment(user.id, accessToken, totp({ secret, epochMs: clock() }));

    const reset = await portcullis.resetMfa(user.id, 'lost phone, identity checked by support');

    expect(reset.enabled).toBe(false);
    expect((await portcullis.getMfaPreference(user.id)).enabled).toBe(false);
  });

  it('setPassword replaces the password', async () => {
    const created = await portcullis.createUser({ email: 'new-password@example.com', password });

    await portcullis.setPassword(created.id, 'another long password');

    const { accessToken } = await signIn(server, app, {
      email: 'new-password@example.com',
      password: 'another long password',
    });
    expect(accessToken).not.toBe('');
    await expectApiError(portcullis.setPassword(created.id, 'short'), 400, 'password_too_short');
  });

  it('trusted devices are listed and forgotten', async () => {
    await portcullis.updateSignInSettings({
      device_configuration: { device_remembering: 'always' },
    });
    const { user, accessToken } = await signedInUser('trusted@example.com');
    const { secret_code: secret } = await portcullis.startTotpEnrolment(user.id, accessToken);
    clock.advance(stepMs);
    await portcullis.confirmTotpEnrolment(user.id, accessToken, totp({ secret, epochMs: clock() }));
    expect((await portcullis.listTrustedDevices(user.id)).devices).toEqual([]);

    clock.advance(stepMs);
    await signIn(server, app, {
      email: 'trusted@example.com',
      password,
      code: () => totp({ secret, epochMs: clock() }),
    });
    const { devices } = await portcullis.listTrustedDevices(user.id);
    expect(devices).toHaveLength(1);
    expect(devices[0]?.expires_at).toBeGreaterThan(clock());

    await portcullis.forgetTrustedDevice(user.id, devices[0]?.id ?? '');
    expect((await portcullis.listTrustedDevices(user.id)).devices).toEqual([]);
    await expectApiError(
      portcullis.forgetTrustedDevice(user.id, 'no-such-device'),
      404,
      'not_found',
    );
    await portcullis.forgetTrustedDevices(user.id);
  });

  it('sign-in settings change and read back', async () => {
    const before = await portcullis.getSignInSettings();
    expect(before.mfa_configuration.mfa_configuration).toBe('optional');

    const changed = await portcullis.updateSignInSettings({
      device_configuration: { device_remembering: 'userOptIn', remember_days: 7 },
    });

    expect(changed.device_configuration).toEqual({
      device_remembering: 'userOptIn',
      remember_days: 7,
    });
    expect(changed.mfa_configuration).toEqual(before.mfa_configuration);
    expect(await portcullis.getSignInSettings()).toEqual(changed);
  });
});
