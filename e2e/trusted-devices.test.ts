import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { oathtoolTotp } from '../packages/server/test/support/oathtool.js';
import { createTestClock } from '../packages/server/test/support/server.js';
import { testAuditContext } from '../packages/server/test/support/users.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import {
  addDeviceByQrCode,
  expectSignedIn,
  openMfaSetting,
  openSignIn,
  openSignUp,
  signOut,
} from './support/console.js';
import { expectCodeStep, submitCode, submitSignUp } from './support/hosted-login.js';
import { useServer } from './support/suite.js';
import { requireBrowserTools } from './support/tools.js';
import {
  rememberCheckbox,
  setConsoleRememberMode,
  submitPasswordAndWait,
  trustedDeviceRows,
  trustedDeviceSection,
  type RememberMode,
} from './support/trusted-devices.js';

const toolsFound = requireBrowserTools();

/** A console account signed in in one browser, with one device added. */
interface Account {
  page: Page;
  email: string;
  secret: string;
}

// Each test signs up its own console account in a fresh browser, so no trust carries over from
// another test. The console app's remember mode is server-wide, and each test sets it first.
describe.runIf(toolsFound)('trusted devices in Chromium', () => {
  // The server reads this clock and oathtool is given its time. The clock moves one time step
  // before each code after the enrolment, because the server accepts a code only once per step.
  const clock = createTestClock();
  const stepMs = 30_000;
  const password = 'correct horse battery staple';
  const deviceName = 'Work phone';
  const rememberedNote = 'This browser will be remembered for 30 days and skip this step.';
  const suite = useServer(clock);
  let accountCount = 0;
  /** The browsers of the running test. The first one is the one its account signed up in. */
  let browsers: BrowserSession[] = [];

  // A failed test's screenshot is taken here, because vitest runs onTestFailed handlers only
  // after the afterEach hooks, when the browsers are already closed.
  afterEach(async ({ task }) => {
    const page = browsers[0]?.page;
    if (task.result?.state === 'fail') {
      suite.recordFailure();
      if (page) {
        await suite.screenshots.takePage(page, 'failed');
      }
    }
    const problems = browsers.flatMap((browser) => browser.problems);
    await Promise.all(browsers.map((browser) => browser.close()));
    browsers = [];
    expect(problems).toEqual([]);
  });

  /** Sets the console's remember mode, then signs up a new account and adds a device. */
  async function startAccount(mode: RememberMode): Promise<Account> {
    await setConsoleRememberMode(suite.server, mode);
    const { page } = await openBrowser();
    accountCount += 1;
    const email = `trust${accountCount}@example.com`;

    await openSignUp(page, suite.server.baseUrl);
    await submitSignUp(page, email, password);
    await expectSignedIn(page, suite.server.baseUrl, email);
    await openMfaSetting(page, email);
    const secret = await addDeviceByQrCode(
      page,
      deviceName,
      suite.screenshots.nextPath('qr-code'),
      (decodedSecret) => oathtoolTotp(decodedSecret, clock()),
    );
    return { page, email, secret };
  }

  async function openBrowser(): Promise<BrowserSession> {
    const browser = await launchBrowser();
    browsers.push(browser);
    return browser;
  }

  /** Signs out, signs in again with the password and returns the page that followed. */
  async function signInAgain(account: Account): Promise<'codeStep' | 'console'> {
    await signOut(account.page, suite.server.baseUrl, account.email);
    await openSignIn(account.page);
    return submitPasswordAndWait(account.page, account.email, password);
  }

  /** Submits the next time step's code on the code step, first ticking the box if requested. */
  async function answerCodeStep(
    account: Account,
    options: { tickRemember?: boolean; page?: Page } = {},
  ): Promise<void> {
    const page = options.page ?? account.page;
    clock.advance(stepMs);
    if (options.tickRemember === true) {
      await rememberCheckbox(page).check();
    }
    await submitCode(page, oathtoolTotp(account.secret, clock()));
    await expectSignedIn(page, suite.server.baseUrl, account.email);
  }

  async function listTrustedDevicesOnServer(appId: string, email: string) {
    const user = await suite.server.repositories.users.findByEmail(appId, email);
    if (!user) {
      throw new Error(`No user ${email} exists in app ${appId}.`);
    }
    return suite.server.services.trustedDevices.list(appId, user.id);
  }

  it('Always Remember skips the next code step', async () => {
    const account = await startAccount('always');
    const { page } = account;

    expect(await signInAgain(account)).toBe('codeStep');
    await expectCodeStep(page);
    await page.getByText(rememberedNote).waitFor();
    expect(await rememberCheckbox(page).count()).toBe(0);
    await suite.screenshots.takePage(page, 'always-code-step');
    await answerCodeStep(account);
    expect(await listTrustedDevicesOnServer('console', account.email)).toHaveLength(1);

    expect(await signInAgain(account)).toBe('console');
    await expectSignedIn(page, suite.server.baseUrl, account.email);
  });

  it('User Opt-in remembers only a ticked box', async () => {
    const account = await startAccount('userOptIn');
    const { page } = account;

    expect(await signInAgain(account)).toBe('codeStep');
    const checkbox = rememberCheckbox(page);
    await checkbox.waitFor();
    expect(await checkbox.isChecked()).toBe(false);
    expect(await page.getByText(rememberedNote).count()).toBe(0);
    await suite.screenshots.takePage(page, 'user-opt-in-code-step');
    await answerCodeStep(account);
    expect(await listTrustedDevicesOnServer('console', account.email)).toEqual([]);

    expect(await signInAgain(account)).toBe('codeStep');
    await answerCodeStep(account, { tickRemember: true });

    expect(await signInAgain(account)).toBe('console');
  });

  it("Don't Remember asks at every sign-in", async () => {
    const account = await startAccount('no');
    const { page } = account;

    expect(await signInAgain(account)).toBe('codeStep');
    await expectCodeStep(page);
    expect(await rememberCheckbox(page).count()).toBe(0);
    expect(await page.getByText(rememberedNote).count()).toBe(0);
    await answerCodeStep(account);

    expect(await signInAgain(account)).toBe('codeStep');
    await answerCodeStep(account);

    await openMfaSetting(page, account.email);
    await trustedDeviceSection(page)
      .getByText('No browser is remembered for your account.')
      .waitFor();
  });

  it('Forget ends the trust of a browser', async () => {
    const account = await startAccount('always');
    const { page } = account;
    expect(await signInAgain(account)).toBe('codeStep');
    await answerCodeStep(account);
    const [trusted] = await listTrustedDevicesOnServer('console', account.email);

    await openMfaSetting(page, account.email);
    const section = trustedDeviceSection(page);
    const rows = trustedDeviceRows(section);
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await section.getByRole('columnheader').allTextContents()).toEqual([
      'Browser',
      'First used',
      'Last used',
      'Expires',
      'Actions',
    ]);
    const description = await rows.getByRole('rowheader').textContent();
    expect(description).toBe(trusted?.description);
    expect(description).toMatch(/^Chrome \d+ on Linux$/);
    expect(await rows.locator('time').count()).toBe(3);
    await suite.screenshots.takePage(page, 'trusted-device-listed');

    await rows.getByRole('button', { name: 'Forget', exact: true }).click();
    await section.getByText('No browser is remembered for your account.').waitFor();
    expect(await section.getByRole('status').textContent()).toBe(
      `“${description}” has been forgotten, so its next sign-in asks for a code.`,
    );
    expect(await listTrustedDevicesOnServer('console', account.email)).toEqual([]);
    await suite.screenshots.takePage(page, 'trusted-device-forgotten');

    expect(await signInAgain(account)).toBe('codeStep');
  });

  it('Forget all asks first, then ends all trust', async () => {
    const account = await startAccount('always');
    const { page } = account;
    expect(await signInAgain(account)).toBe('codeStep');
    await answerCodeStep(account);
    // A second browser of the same person passes the code step too, so two devices are trusted.
    const other = await openBrowser();
    await other.page.goto(`${suite.server.baseUrl}/console/`);
    await openSignIn(other.page);
    expect(await submitPasswordAndWait(other.page, account.email, password)).toBe('codeStep');
    await answerCodeStep(account, { page: other.page });

    await openMfaSetting(page, account.email);
    const section = trustedDeviceSection(page);
    const rows = trustedDeviceRows(section);
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);

    const forgetAllButton = section.getByRole('button', { name: 'Forget all', exact: true });
    await forgetAllButton.click();
    const confirmation = section.getByRole('group', {
      name:
        'Forget all 2 trusted devices? Each of them will ask for a 6-digit code at its next ' +
        'sign-in.',
    });
    await confirmation.waitFor();
    await expect.poll(() => focusedElementText(page)).toBe('Cancel');
    await suite.screenshots.takePage(page, 'forget-all-confirmation');
    await page.keyboard.press('Escape');
    await forgetAllButton.waitFor();
    await expect.poll(() => focusedElementText(page)).toBe('Forget all');
    expect(await rows.count()).toBe(2);

    await forgetAllButton.click();
    await confirmation.getByRole('button', { name: 'Forget all trusted devices' }).click();
    await section.getByText('No browser is remembered for your account.').waitFor();
    expect(await section.getByRole('status').textContent()).toBe(
      'All trusted devices have been forgotten.',
    );
    expect(await listTrustedDevicesOnServer('console', account.email)).toEqual([]);

    expect(await signInAgain(account)).toBe('codeStep');
  });

  it('step-up asks for a code on a trusted sign-in', async () => {
    const account = await startAccount('always');
    const { page } = account;
    expect(await signInAgain(account)).toBe('codeStep');
    await answerCodeStep(account);
    expect(await signInAgain(account)).toBe('console');

    await openMfaSetting(page, account.email);
    const deviceRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: deviceName, exact: true }) });
    await deviceRow.getByRole('button', { name: 'Remove', exact: true }).click();
    await page
      .getByText(
        `To remove “${deviceName}”, enter a current 6-digit code from any of your devices.`,
      )
      .waitFor();
    await page.getByLabel('6-digit code').waitFor();
    await suite.screenshots.takePage(page, 'trusted-sign-in-remove-form');

    // The server itself rejects the removal without a code, whatever the form does.
    const withoutCode = await removeFirstAuthenticatorWithoutCode(page);
    expect(withoutCode).toEqual({ status: 403, code: 'step_up_required' });

    clock.advance(stepMs);
    await page.getByLabel('6-digit code').fill(oathtoolTotp(account.secret, clock()));
    await page.getByRole('button', { name: 'Remove device' }).click();
    await page.getByText('No devices have been added yet.').waitFor();
    await page.getByText(/^MFA is off/).waitFor();
    // Removing the last device turns MFA off, which also ends the trust of every browser.
    await trustedDeviceSection(page)
      .getByText('No browser is remembered for your account.')
      .waitFor();
  });

  it("user page forgets an app user's devices", async () => {
    const account = await startAccount('userOptIn');
    const { page } = account;
    const { appId, userId } = await createAppUserWithTrustedDevices(account.email, [
      'Firefox 140 on Windows',
      'Safari 19 on iOS',
    ]);

    await page.goto(`${suite.server.baseUrl}/console/apps/${appId}/users/${userId}`);
    await page.getByRole('heading', { name: 'member@example.com', level: 1 }).waitFor();
    const section = trustedDeviceSection(page);
    const rows = trustedDeviceRows(section);
    await rows.nth(1).waitFor();
    expect(await rows.getByRole('rowheader').allTextContents()).toEqual([
      'Safari 19 on iOS',
      'Firefox 140 on Windows',
    ]);
    await suite.screenshots.takePage(page, 'user-trusted-devices');

    await rows
      .filter({ has: page.getByRole('rowheader', { name: 'Safari 19 on iOS' }) })
      .getByRole('button', { name: 'Forget', exact: true })
      .click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.getByRole('rowheader').textContent()).toBe('Firefox 140 on Windows');
    expect(await suite.server.services.trustedDevices.list(appId, userId)).toHaveLength(1);

    await section.getByRole('button', { name: 'Forget all', exact: true }).click();
    const confirmation = section.getByRole('group', {
      name: 'Forget the trusted device? Its next sign-in will ask for a 6-digit code.',
    });
    await confirmation.getByRole('button', { name: 'Forget all trusted devices' }).click();
    await section.getByText('No browser is remembered for this user.').waitFor();
    expect(await suite.server.services.trustedDevices.list(appId, userId)).toEqual([]);
  });

  /**
   * Creates an app owned by the console account, one user of it, and a trusted device row for
   * each description, the later ones used more recently. The rows are written to the database
   * directly, because a real trusted device of an app needs a sign-in through an OIDC client.
   */
  async function createAppUserWithTrustedDevices(ownerEmail: string, descriptions: string[]) {
    const owner = await suite.server.repositories.users.findByEmail('console', ownerEmail);
    if (!owner) {
      throw new Error(`No console account ${ownerEmail} exists.`);
    }
    const { app } = await suite.server.services.apps.create(testAuditContext, owner.id, {
      name: 'Trusted devices test app',
      redirectUris: ['http://127.0.0.1:9/callback'],
      postLogoutRedirectUris: [],
      clientType: 'confidential',
      signupEnabled: true,
    });
    const appRow = await suite.server.repositories.apps.findById(app.id);
    if (!appRow) {
      throw new Error(`The app ${app.id} was not stored.`);
    }
    await suite.server.services.apps.updateSettings(testAuditContext, appRow, {
      mfaPolicy: 'optional',
      rememberMode: 'userOptIn',
      rememberDays: 30,
    });
    const user = await suite.server.services.accounts.signUp(
      testAuditContext,
      appRow,
      'member@example.com',
      password,
    );

    const dayMs = 24 * 60 * 60_000;
    for (const [index, description] of descriptions.entries()) {
      const firstUsedAt = clock() - (descriptions.length - index) * dayMs;
      await suite.server.repositories.trustedDevices.insert({
        id: `dev_test_${index}`,
        app_id: app.id,
        user_id: user.id,
        token_hash: randomBytes(32).toString('hex'),
        previous_token_hash: null,
        description,
        created_at: firstUsedAt,
        last_used_at: firstUsedAt + 60_000,
        expires_at: firstUsedAt + 30 * dayMs,
      });
    }
    return { appId: app.id, userId: user.id };
  }
});

/** Returns the text of the element that has focus, such as a button's label. */
function focusedElementText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.textContent ?? null);
}

/**
 * Sends the console's own DELETE of the account's first authenticator with the session's CSRF
 * token but no step-up code, and returns the response status and error code.
 */
function removeFirstAuthenticatorWithoutCode(page: Page) {
  return page.evaluate(async () => {
    const session = (await (await fetch('/console/api/session')).json()) as { csrfToken: string };
    const status = (await (await fetch('/console/api/mfa')).json()) as {
      authenticators: { id: string }[];
    };
    const response = await fetch(
      `/console/api/mfa/authenticators/${status.authenticators[0]!.id}`,
      {
        method: 'DELETE',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: '{}',
      },
    );
    const body = (await response.json()) as { error: { code: string } };
    return { status: response.status, code: body.error.code };
  });
}
