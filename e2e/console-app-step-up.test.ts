import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { oathtoolTotp } from '../packages/server/test/support/oathtool.js';
import { createTestClock } from '../packages/server/test/support/server.js';
import { registerApp } from './support/acme.js';
import {
  addDeviceByQrCode,
  expectSignedIn,
  openMfaSetting,
  openSignUp,
  stepUpCodeInput,
} from './support/console.js';
import { submitSignUp } from './support/hosted-login.js';
import { useBrowsers, useServer } from './support/suite.js';
import { requireBrowserTools } from './support/tools.js';

const toolsFound = requireBrowserTools();

// A console account with MFA on changes one of its apps. Each test is one step and starts where
// the previous one stopped, so a failure also fails the steps after it.
describe.runIf(toolsFound)('app changes with step-up in Chromium', () => {
  // The server reads this clock and oathtool is given its time. The clock moves one time step
  // before each code after the enrolment, because the server accepts a code only once per step.
  const clock = createTestClock();
  const stepMs = 30_000;
  const email = 'dev+apps@example.com';
  const password = 'correct horse battery staple';
  const callbackUrl = 'http://127.0.0.1:9/callback';
  const addedCallbackUrl = 'http://127.0.0.1:9/other-callback';
  const suite = useServer(clock);
  const browsers = useBrowsers(suite, ['developer']);
  let secret: string;
  let appId: string;

  async function confirmWithCurrentCode(page: Page): Promise<void> {
    clock.advance(stepMs);
    await stepUpCodeInput(page).fill(oathtoolTotp(secret, clock()));
    await page.getByRole('button', { name: 'Confirm and save' }).click();
  }

  async function loadAppRow() {
    const row = await suite.server.repositories.apps.findById(appId);
    if (!row) {
      throw new Error(`The app ${appId} is not stored.`);
    }
    return row;
  }

  it('account with MFA registers an app', async () => {
    const { page } = browsers.developer;
    await openSignUp(page, suite.server.baseUrl);
    await submitSignUp(page, email, password);
    await expectSignedIn(page, suite.server.baseUrl, email);
    await openMfaSetting(page, email);
    secret = await addDeviceByQrCode(
      page,
      'Work phone',
      suite.screenshots.nextPath('qr-code'),
      (newSecret) => oathtoolTotp(newSecret, clock()),
    );

    await registerApp(page, suite.server.baseUrl, {
      name: 'Step-up app',
      callbackUrl,
      postLogoutUrl: 'http://127.0.0.1:9/',
    });
    const match = /\/console\/apps\/([^/]+)/.exec(new URL(page.url()).pathname);
    appId = decodeURIComponent(match?.[1] ?? '');
    expect(appId).not.toBe('');
    expect(browsers.developer.problems).toEqual([]);
  });

  it('callback URL change asks for a code', async () => {
    const { page } = browsers.developer;
    await page.getByRole('button', { name: 'Edit app' }).click();
    await page.getByLabel('Callback URLs').fill(`${callbackUrl}\n${addedCallbackUrl}`);
    await page.getByRole('button', { name: 'Save changes' }).click();

    await page
      .getByText(
        'Changing where Portcullis redirects users after sign-in or sign-out is a sensitive ' +
          'change, so confirm that it is you to save it.',
      )
      .waitFor();
    expect(await page.getByLabel('Callback URLs').isDisabled()).toBe(true);
    await suite.screenshots.takePage(page, 'callback-url-step-up');

    // The server itself rejects the change without a code, whatever the form does.
    const withoutCode = await patchAppWithoutStepUp(page, appId, {
      redirectUris: [callbackUrl, addedCallbackUrl],
    });
    expect(withoutCode).toEqual({ status: 403, code: 'step_up_required' });

    await confirmWithCurrentCode(page);
    await page.getByText('Your changes have been saved.').waitFor();
    await page.getByText(addedCallbackUrl, { exact: true }).waitFor();
    expect(JSON.parse((await loadAppRow()).redirect_uris)).toEqual([callbackUrl, addedCallbackUrl]);
    expect(browsers.developer.problems).toEqual([]);
  });

  it('name change needs no code', async () => {
    const { page } = browsers.developer;
    await page.getByRole('button', { name: 'Edit app' }).click();
    await page.getByLabel('App name').fill('Renamed app');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await page.getByText('Your changes have been saved.').waitFor();
    expect(await stepUpCodeInput(page).count()).toBe(0);
    expect((await loadAppRow()).name).toBe('Renamed app');
    expect(browsers.developer.problems).toEqual([]);
  });

  it('MFA policy change asks for a code', async () => {
    const { page } = browsers.developer;
    await page.getByRole('tab', { name: 'Advanced Settings' }).click();
    await page.getByRole('radio', { name: 'Required', exact: true }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await page
      .getByText(
        'Changing how users of this app sign in is a sensitive change, so confirm that it is ' +
          'you to save the settings.',
      )
      .waitFor();
    expect((await loadAppRow()).mfa_policy).toBe('optional');
    await suite.screenshots.takePage(page, 'settings-step-up');

    await confirmWithCurrentCode(page);
    await page.getByText('The settings have been saved.').waitFor();
    expect((await loadAppRow()).mfa_policy).toBe('on');
    expect(browsers.developer.problems).toEqual([]);
  });
});

/**
 * Sends the console's own PATCH of an app with the session's CSRF token but no step-up, and
 * returns the response status and error code.
 */
function patchAppWithoutStepUp(page: Page, appId: string, changes: object) {
  return page.evaluate(
    async ({ path, body }) => {
      const session = (await (await fetch('/console/api/session')).json()) as {
        csrfToken: string;
      };
      const response = await fetch(path, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });
      const responseBody = (await response.json()) as { error?: { code: string } };
      return { status: response.status, code: responseBody.error?.code };
    },
    { path: `/console/api/apps/${encodeURIComponent(appId)}`, body: changes },
  );
}
