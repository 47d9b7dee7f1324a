import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../../server/src/crypto/totp.js';
import { testDatabases } from '../../server/test/support/databases.js';
import {
  createTestClock,
  startPortcullis,
  type RunningPortcullis,
} from '../../server/test/support/server.js';
import { HttpClient } from '../../server/test/support/http-client.js';
import { registerTestApp, signIn, type TestApp } from '../test/hosted-sign-in.js';
import { createPortcullisClient } from './client.js';
import { createTokenVerifier, type TokenVerifier } from './tokens.js';

const sqlite = testDatabases[0]!;
const password = 'a long user password';

/** Returns the error a promise rejects with, or fails the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  return promise.then(
    () => expect.fail('The verification succeeded, but it should have failed.'),
    (error: Error & { code?: string }) => error,
  );
}

describe('token verifier', () => {
  const clock = createTestClock();
  let server: RunningPortcullis;
  let app: TestApp;
  let verifier: TokenVerifier;
  let passwordSignIn: Awaited<ReturnType<typeof signIn>>;
  let userId: string;

  beforeAll(async () => {
    server = await startPortcullis({ database: sqlite, clock });
    app = await registerTestApp(server, 'SDK verifier tests');
    verifier = createTokenVerifier({ issuer: server.baseUrl, audience: app.clientId });

    const portcullis = createPortcullisClient({ baseUrl: server.baseUrl, apiKey: app.apiKey });
    userId = (await portcullis.createUser({ email: 'grace@example.com', password })).id;
    passwordSignIn = await signIn(server, app, { email: 'grace@example.com', password });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('password sign-in has amr pwd', async () => {
    const claims = await verifier.verifyIdToken(passwordSignIn.idToken, {
      nonce: passwordSignIn.nonce,
    });

    expect(claims.sub).toBe(userId);
    expect(claims.email).toBe('grace@example.com');
    expect(claims.amr).toEqual(['pwd']);
    expect(claims.acr).toBe('urn:portcullis:acr:pwd');
    expect(claims.auth_time).toBeTypeOf('number');
    expect(claims.iss).toBe(server.baseUrl);
    expect(claims.aud).toBe(app.clientId);
  });

  it('MFA sign-in has amr otp', async () => {
    const portcullis = createPortcullisClient({ baseUrl: server.baseUrl, apiKey: app.apiKey });
    const email = 'mfa@example.com';
    const user = await portcullis.createUser({ email, password });
    const { accessToken } = await signIn(server, app, { email, password });
    const { secret_code: secret } = await portcullis.startTotpEnrolment(user.id, accessToken);
    await portcullis.confirmTotpEnrolment(user.id, accessToken, totp({ secret, epochMs: clock() }));

    clock.advance(30_000);
    const mfaSignIn = await signIn(server, app, {
      email,
      password,
      code: () => totp({ secret, epochMs: clock() }),
    });
    const claims = await verifier.verifyIdToken(mfaSignIn.idToken, { nonce: mfaSignIn.nonce });

    expect(claims.sub).toBe(user.id);
    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
    expect(claims.acr).toBe('urn:portcullis:acr:mfa');
    expect(claims.trusted_device).toBeUndefined();
  });

  it('trusted device sign-in has no otp', async () => {
    const portcullis = createPortcullisClient({ baseUrl: server.baseUrl, apiKey: app.apiKey });
    await portcullis.updateSignInSettings({
      device_configuration: { device_remembering: 'always' },
    });
    const email = 'trusted@example.com';
    const user = await portcullis.createUser({ email, password });
    const { accessToken } = await signIn(server, app, { email, password });
    const { secret_code: secret } = await portcullis.startTotpEnrolment(user.id, accessToken);
    clock.advance(30_000);
    await portcullis.confirmTotpEnrolment(user.id, accessToken, totp({ secret, epochMs: clock() }));

    const browser = new HttpClient(server.baseUrl);
    clock.advance(30_000);
    const code = () => totp({ secret, epochMs: clock() });
    await signIn(server, app, { email, password, code }, browser);
    const remembered = await signIn(server, app, { email, password, prompt: 'login' }, browser);
    const claims = await verifier.verifyIdToken(remembered.idToken, { nonce: remembered.nonce });

    expect(claims.sub).toBe(user.id);
    expect(claims.amr).toEqual(['pwd']);
    expect(claims.acr).toBe('urn:portcullis:acr:trusted-device');
    expect(claims.trusted_device).toBe(true);
  });

  it('rejects another audience', async () => {
    const otherApp = createTokenVerifier({ issuer: server.baseUrl, audience: 'pc_another_app' });

    const error = await rejectionOf(otherApp.verifyIdToken(passwordSignIn.idToken));

    expect(error.code).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
    expect(error.message).toContain('"aud"');
  });

  it('rejects a wrong nonce', async () => {
    const error = await rejectionOf(
      verifier.verifyIdToken(passwordSignIn.idToken, { nonce: 'another nonce' }),
    );

    expect(error.code).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
    expect(error.message).toContain('"nonce"');
  });

  it('rejects a changed payload', async () => {
    const [header, payload, signature] = passwordSignIn.idToken.split('.') as [
      string,
      string,
      string,
    ];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      amr: string[];
    };
    const forged = Buffer.from(JSON.stringify({ ...claims, amr: ['pwd', 'otp', 'mfa'] }));
    const forgedToken = `${header}.${forged.toString('base64url')}.${signature}`;

    const error = await rejectionOf(verifier.verifyIdToken(forgedToken));

    expect(error.code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('rejects a different issuer spelling', async () => {
    const trailingSlash = createTokenVerifier({
      issuer: `${server.baseUrl}/`,
      audience: app.clientId,
    });

    const error = await rejectionOf(trailingSlash.verifyIdToken(passwordSignIn.idToken));

    expect(error.message).toContain(`names the issuer ${server.baseUrl}`);
  });

  it('retries discovery after a failure', async () => {
    let calls = 0;
    const flaky = createTokenVerifier({
      issuer: server.baseUrl,
      audience: app.clientId,
      fetch: (input, init) => {
        calls += 1;
        // The first request goes to a path that does not exist, so discovery fails once.
        const target = calls === 1 ? `${server.baseUrl}/no-such-path` : input;
        return fetch(target, init);
      },
    });

    const error = await rejectionOf(flaky.verifyIdToken(passwordSignIn.idToken));
    expect(error.message).toContain('HTTP 404');

    const claims = await flaky.verifyIdToken(passwordSignIn.idToken);
    expect(claims.sub).toBe(userId);
  });
});
