import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { oathtoolTotp } from '../packages/server/test/support/oathtool.js';
import { createTestClock } from '../packages/server/test/support/server.js';
import {
  addDeviceByQrCode,
  expectSignedIn,
  openMfaSetting,
  openSignIn,
  openSignUp,
  signOut,
  stepUpCodeInput,
} from './support/console.js';
import {
  expectCodeStep,
  invalidCodeAt,
  submitCode,
  submitPassword,
  submitSignUp,
} from './support/hosted-login.js';
import { readQrCode } from './support/qr-code.js';
import { useBrowsers, useServer } from './support/suite.js';
import { requireBrowserTools } from './support/tools.js';

const toolsFound = requireBrowserTools();

// One person's walk through the console in Chromium. Each test is one step of the walk and starts
// where the previous one stopped, so a failure also fails the steps after it.
describe.runIf(toolsFound)('console MFA in Chromium', () => {
  // The server reads this clock and oathtool is given its time. The clock moves one time step
  // before each code after the first, because the server accepts a code only once per time step.
  const clock = createTestClock();
  const stepMs = 30_000;
  const email = 'dev+browser@example.com';
  const encodedEmail = 'dev%2Bbrowser%40example.com';
  const password = 'correct horse battery staple';
  const deviceName = 'Work phone';
  const secondDeviceName = 'Backup phone';
  const suite = useServer(clock);
  const browsers = useBrowsers(suite, ['developer']);
  let secret: string;
  let secondSecret: string;

  it('sign-up lands in the console', async () => {
    const { page } = browsers.developer;

    await openSignUp(page, suite.server.baseUrl);
    await submitSignUp(page, email, password);

    await expectSignedIn(page, suite.server.baseUrl, email);
    await page.getByRole('heading', { name: 'Welcome to Portcullis' }).waitFor();
    await suite.screenshots.takePage(page, 'signed-up');
    expect(browsers.developer.problems).toEqual([]);
  });

  it('QR code enrols a device', async () => {
    const { page } = browsers.developer;

    await openMfaSetting(page, email);
    await page.getByText(/^MFA is off/).waitFor();
    await page.getByRole('button', { name: 'Add Device' }).click();
    await page.getByLabel('Device name').fill(deviceName);
    await page.getByRole('button', { name: 'Show QR Code' }).click();

    const qrImage = page.getByRole('img', {
      name: 'QR code that adds your Portcullis account to an authenticator app',
    });
    const uri = await readQrCode(qrImage, suite.screenshots.nextPath('qr-code-element'));
    await suite.screenshots.takePage(page, 'qr-code');
    secret = new URL(uri).searchParams.get('secret') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(
      `otpauth://totp/Portcullis:${encodedEmail}?issuer=Portcullis&secret=${secret}` +
        '&algorithm=SHA1&digits=6&period=30',
    );
    expect(await page.getByTestId('totp-secret').textContent()).toBe(secret);

    await page.getByLabel('6-digit code').fill(oathtoolTotp(secret, clock()));
    await page.getByRole('button', { name: 'Certification' }).click();

    await page.getByRole('rowheader', { name: deviceName, exact: true }).waitFor();
    await page.getByText(/^MFA is on/).waitFor();
    await suite.screenshots.takePage(page, 'device-added');
    expect(browsers.developer.problems).toEqual([]);
  });

  it('sign-in asks for a code', async () => {
    const { page } = browsers.developer;

    const visited = await signOut(page, suite.server.baseUrl, email);
    expect(visited).toEqual(
      expect.arrayContaining([expect.stringContaining(`${suite.server.baseUrl}/oidc/session/end`)]),
    );

    await openSignIn(page);
    await submitPassword(page, email, password);
    await expectCodeStep(page);
    await suite.screenshots.takePage(page, 'code-step');

    clock.advance(stepMs);
    await submitCode(page, invalidCodeAt(secret, clock()));
    await page.getByRole('alert').filter({ hasText: 'That code is not valid' }).waitFor();
    await expectCodeStep(page);
    await suite.screenshots.takePage(page, 'code-rejected');

    await submitCode(page, oathtoolTotp(secret, clock()));
    await expectSignedIn(page, suite.server.baseUrl, email);
    expect(browsers.developer.problems).toEqual([]);
  });

  it('second device needs a current code', async () => {
    const { page } = browsers.developer;

    await openMfaSetting(page, email);
    await page.getByRole('button', { name: 'Add Device' }).click();
    await page.getByLabel('Device name').fill(secondDeviceName);
    await page
      .getByText(
        'Because MFA is on, enter the code shown now on a device you already have, not on the ' +
          'new one.',
      )
      .waitFor();
    // Before the QR code, the step-up input is the only one whose label has "6-digit code".
    expect(await page.getByLabel('6-digit code').count()).toBe(1);
    await suite.screenshots.takePage(page, 'second-device-step-up');

    // The server itself rejects the new device without a code, whatever the form does.
    expect(await startEnrolmentWithoutStepUp(page)).toEqual({
      status: 403,
      code: 'step_up_required',
    });

    clock.advance(stepMs);
    await stepUpCodeInput(page).fill(invalidCodeAt(secret, clock()));
    await page.getByRole('button', { name: 'Show QR Code' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is not valid' }).waitFor();
    expect(await stepUpCodeInput(page).inputValue()).toBe('');
    expect(await page.getByRole('img', { name: /^QR code/ }).count()).toBe(0);
    await page.keyboard.press('Escape');

    secondSecret = await addDeviceByQrCode(
      page,
      secondDeviceName,
      suite.screenshots.nextPath('second-qr-code'),
      (newSecret) => oathtoolTotp(newSecret, clock()),
      { stepUpCode: oathtoolTotp(secret, clock()) },
    );
    expect(secondSecret).not.toBe(secret);
    expect(await page.getByRole('rowheader').allTextContents()).toEqual([
      deviceName,
      secondDeviceName,
    ]);
    await suite.screenshots.takePage(page, 'second-device-added');
    expect(browsers.developer.problems).toEqual([]);
  });

  it('device removal turns MFA off', async () => {
    const { page } = browsers.developer;

    await openMfaSetting(page, email);
    await removeButton(page, secondDeviceName).click();
    clock.advance(stepMs);
    await page.getByLabel('6-digit code').fill(oathtoolTotp(secondSecret, clock()));
    await page.getByRole('button', { name: 'Remove device' }).click();
    await page.getByText(`“${secondDeviceName}” has been removed.`).waitFor();
    await page.getByText(/^MFA is on/).waitFor();

    await removeButton(page, deviceName).click();
    clock.advance(stepMs);
    await page.getByLabel('6-digit code').fill(oathtoolTotp(secret, clock()));
    await suite.screenshots.takePage(page, 'remove-form');
    await page.getByRole('button', { name: 'Remove device' }).click();

    await page.getByText('No devices have been added yet.').waitFor();
    expect(await page.getByRole('rowheader').count()).toBe(0);
    await page.getByText(/^MFA is off/).waitFor();
    await suite.screenshots.takePage(page, 'device-removed');
    expect(browsers.developer.problems).toEqual([]);
  });
});

/** Finds the "Remove" button in the row of the named device. */
function removeButton(page: Page, deviceName: string): Locator {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: deviceName, exact: true }) })
    .getByRole('button', { name: 'Remove', exact: true });
}

/**
 * Sends the console's own request to start an enrolment, with the session's CSRF token but no
 * step-up code, and returns the response status and error code.
 */
function startEnrolmentWithoutStepUp(page: Page) {
  return page.evaluate(async () => {
    const session = (await (await fetch('/console/api/session')).json()) as { csrfToken: string };
    const response = await fetch('/console/api/mfa/authenticators', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ name: 'Device without step-up' }),
    });
    const body = (await response.json()) as { error?: { code: string } };
    return { status: response.status, code: body.error?.code };
  });
}
