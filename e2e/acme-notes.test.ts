import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oathtoolTotp } from '../packages/server/test/support/oathtool.js';
import { createTestClock, freePort } from '../packages/server/test/support/server.js';
import {
  createApiKey,
  registerApp,
  signOutOfAcmeNotes,
  startAcmeNotes,
  type RunningAcmeNotes,
} from './support/acme.js';
import { expectSignedIn, openSignUp } from './support/console.js';
import {
  expectCodeStep,
  submitCode,
  submitPassword,
  submitSignUp,
} from './support/hosted-login.js';
import { readQrCode } from './support/qr-code.js';
import { useBrowsers, useServer } from './support/suite.js';
import { requireBrowserTools } from './support/tools.js';

const toolsFound = requireBrowserTools();

// A developer registers the Acme Notes sample in the console, then an end user of the sample
// signs up, turns MFA on and signs in with a code. Each person has their own Chromium profile,
// as they would have their own computer. Each test is one step and starts where the previous one
// stopped, so a failure also fails the steps after it.
describe.runIf(toolsFound)('Acme Notes sample in Chromium', () => {
  // Portcullis reads this clock and oathtool is given its time. The clock moves one time step
  // before each code after the first, because the server accepts a code only once per time step.
  const clock = createTestClock();
  const stepMs = 30_000;
  const developer = { email: 'dev+acme@example.com', password: 'correct horse battery staple' };
  const user = { email: 'reader+notes@example.com', password: 'a long reader password' };
  const encodedUserEmail = 'reader%2Bnotes%40example.com';
  const suite = useServer(clock);
  let acmePort: number;
  let acme: RunningAcmeNotes | undefined;
  let secret: string;

  const acmeUrl = () => `http://127.0.0.1:${acmePort}`;

  beforeAll(async () => {
    acmePort = await freePort();
  });

  // Registered between the server and the browsers, so it runs after the browsers have closed
  // and before the server stops.
  afterAll(async () => {
    await acme?.stop();
  });

  const browsers = useBrowsers(suite, ['developer', 'user']);

  it('console registers the sample app', async () => {
    const { page } = browsers.developer;
    await openSignUp(page, suite.server.baseUrl);
    await submitSignUp(page, developer.email, developer.password);
    await expectSignedIn(page, suite.server.baseUrl, developer.email);

    const credentials = await registerApp(page, suite.server.baseUrl, {
      name: 'Acme Notes',
      callbackUrl: `${acmeUrl()}/callback`,
      postLogoutUrl: `${acmeUrl()}/`,
    });
    expect(credentials.clientId).toMatch(/^pc_/);
    expect(credentials.clientSecret).toMatch(/^pcs_/);
    const apiKey = await createApiKey(page, 'Acme Notes backend', developer.password);
    expect(apiKey).toMatch(/^pc_live_/);
    await suite.screenshots.takePage(page, 'console-api-key');

    acme = await startAcmeNotes({
      portcullisUrl: suite.server.baseUrl,
      credentials,
      apiKey,
      port: acmePort,
    });
    expect(browsers.developer.problems).toEqual([]);
  });

  it('end user signs up through hosted login', async () => {
    const { page } = browsers.user;
    await page.goto(`${acmeUrl()}/`);
    await page.getByRole('link', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Create your Acme Notes account' }).waitFor();
    await submitSignUp(page, user.email, user.password);

    await page.getByRole('heading', { name: 'Your notes' }).waitFor();
    expect(page.url()).toBe(`${acmeUrl()}/`);
    await page.getByLabel('New note').fill('Buy <b>milk</b> & eggs');
    await page.getByRole('button', { name: 'Add note' }).click();
    // The note is shown as typed, so its markup was escaped rather than rendered.
    await page.getByText('Buy <b>milk</b> & eggs').waitFor();
    await suite.screenshots.takePage(page, 'notes');

    // A form post with the session cookie but without the page's CSRF token is rejected.
    const forged = await page.request.post(`${acmeUrl()}/notes`, {
      form: { _csrf: 'forged', text: 'Forged note' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    await page.reload();
    expect(await page.getByText('Forged note').count()).toBe(0);
    expect(browsers.user.problems).toEqual([]);
  });

  it('Security page enables MFA', async () => {
    const { page } = browsers.user;
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByText(/^MFA is off/).waitFor();
    await page.getByRole('button', { name: 'Add Device' }).click();

    const qrImage = page.getByRole('img', {
      name: 'QR code that adds Acme Notes to an authenticator app',
    });
    const uri = await readQrCode(qrImage, suite.screenshots.nextPath('qr-code-element'));
    await suite.screenshots.takePage(page, 'qr-code');
    secret = new URL(uri).searchParams.get('secret') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(
      `otpauth://totp/Acme%20Notes:${encodedUserEmail}?issuer=Acme%20Notes&secret=${secret}` +
        '&algorithm=SHA1&digits=6&period=30',
    );
    expect(await page.getByTestId('totp-secret').textContent()).toBe(secret);

    await page.getByLabel('6-digit code').fill(oathtoolTotp(secret, clock()));
    await page.getByRole('button', { name: 'Enable MFA' }).click();

    await page
      .getByText(/^MFA is on/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Disable MFA' }).waitFor();
    await suite.screenshots.takePage(page, 'mfa-on');
    expect(browsers.user.problems).toEqual([]);
    expect(await page.getByTestId('amr').textContent()).toBe('pwd');
  });

  it('next sign-in asks for a code', async () => {
    const { page } = browsers.user;
    const visited = await signOutOfAcmeNotes(page);
    expect(page.url()).toBe(`${acmeUrl()}/`);
    expect(visited).toEqual(
      expect.arrayContaining([expect.stringContaining(`${suite.server.baseUrl}/oidc/session/end`)]),
    );

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in to Acme Notes' }).waitFor();
    await submitPassword(page, user.email, user.password);
    await expectCodeStep(page);
    await suite.screenshots.takePage(page, 'code-step');

    clock.advance(stepMs);
    await submitCode(page, oathtoolTotp(secret, clock()));

    await page.getByRole('heading', { name: 'Your notes' }).waitFor();
    expect(page.url()).toBe(`${acmeUrl()}/`);
    await page.getByText('Buy <b>milk</b> & eggs').waitFor();
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByText(/^MFA is on/).waitFor();
    await suite.screenshots.takePage(page, 'signed-in-with-code');
    expect(browsers.user.problems).toEqual([]);
    const amr = (await page.getByTestId('amr').textContent()) ?? '';
    expect(amr.split(', ')).toEqual(expect.arrayContaining(['pwd', 'otp', 'mfa']));
  });

  it('current code disables MFA', async () => {
    const { page } = browsers.user;

    clock.advance(stepMs);
    await page.getByLabel('6-digit code').fill(oathtoolTotp(secret, clock()));
    await page.getByRole('button', { name: 'Disable MFA' }).click();

    await page
      .getByText(/^MFA is off/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Add Device' }).waitFor();
    expect(browsers.user.problems).toEqual([]);
  });

  it('console browser also signs up to the sample', async () => {
    // The developer's browser has a Portcullis session of a console account. Signing up to
    // another app must replace it with the new user's session, as each app is its own user pool.
    const { page } = browsers.developer;
    await page.goto(`${acmeUrl()}/`);
    await page.getByRole('link', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Create your Acme Notes account' }).waitFor();
    await submitSignUp(page, 'dev+tester@example.com', developer.password);

    await page.getByRole('heading', { name: 'Your notes' }).waitFor();
    expect(page.url()).toBe(`${acmeUrl()}/`);
    await page.getByText('dev+tester@example.com').waitFor();
    // The console keeps its own session cookie, so the developer is still signed in there.
    await page.goto(`${suite.server.baseUrl}/console/`);
    await expectSignedIn(page, suite.server.baseUrl, developer.email);
    expect(browsers.developer.problems).toEqual([]);
  });
});
