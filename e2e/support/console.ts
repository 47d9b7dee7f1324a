import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { readQrCode } from './qr-code.js';

// Steps a person takes in the console SPA, by its visible labels.

/** Finds the user menu button, which is named with the signed-in account's email. */
export function userMenuButton(page: Page, email: string): Locator {
  return page.getByRole('button', { name: email, exact: true });
}

/** Waits until the console home shows the signed-in header with the account's user menu. */
export async function expectSignedIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await userMenuButton(page, email).waitFor();
  expect(page.url()).toBe(`${baseUrl}/console/`);
}

/** Waits until the console shows its signed-out page, which invites the visitor to sign in. */
export async function expectSignedOut(page: Page, baseUrl: string): Promise<void> {
  await page.getByText('Sign in to manage multi-factor authentication').waitFor();
  expect(page.url()).toBe(`${baseUrl}/console/`);
}

/** Opens the signed-out console, presses "Create account" and waits for the hosted sign-up page. */
export async function openSignUp(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: /^Create your .+ account$/ }).waitFor();
}

/** Presses "Sign in" on the signed-out console page and waits for the hosted sign-in page. */
export async function openSignIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: /^Sign in to / }).waitFor();
}

/** Opens the user menu and chooses one of its items by name. */
export async function chooseFromUserMenu(page: Page, email: string, item: string): Promise<void> {
  await userMenuButton(page, email).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Opens the "Multi-factor Authentication Setting" page through the user menu. */
export async function openMfaSetting(page: Page, email: string): Promise<void> {
  await chooseFromUserMenu(page, email, 'Multi-factor Authentication Setting');
  await page.getByRole('heading', { name: 'Multi-factor Authentication Setting' }).waitFor();
}

/**
 * Adds a device on the "Multi-factor Authentication Setting" page as a person with a phone does:
 * zbarimg reads the secret from the QR code's pixels (saved to `qrCodeFile`), and the device is
 * confirmed with the code that `codeFor(secret)` returns. While MFA is on, the form also requires
 * a current code from a device the account already has, and `stepUpCode` supplies it. Returns the
 * new device's secret.
 */
export async function addDeviceByQrCode(
  page: Page,
  deviceName: string,
  qrCodeFile: string,
  codeFor: (secret: string) => string,
  options: { stepUpCode?: string } = {},
): Promise<string> {
  await page.getByRole('button', { name: 'Add Device' }).click();
  await page.getByLabel('Device name').fill(deviceName);
  if (options.stepUpCode !== undefined) {
    await stepUpCodeInput(page).fill(options.stepUpCode);
  }
  await page.getByRole('button', { name: 'Show QR Code' }).click();

  const qrImage = page.getByRole('img', {
    name: 'QR code that adds your Portcullis account to an authenticator app',
  });
  const secret = new URL(await readQrCode(qrImage, qrCodeFile)).searchParams.get('secret');
  if (secret === null) {
    throw new Error(`The otpauth URI in the QR code of ${qrCodeFile} has no secret parameter.`);
  }

  await page.getByLabel('6-digit code', { exact: true }).fill(codeFor(secret));
  await page.getByRole('button', { name: 'Certification' }).click();
  await page.getByRole('rowheader', { name: deviceName, exact: true }).waitFor();
  return secret;
}

/**
 * Finds the step-up input "Current 6-digit code" by its exact label, because
 * `getByLabel('6-digit code')` without `exact` matches it too.
 */
export function stepUpCodeInput(page: Page): Locator {
  return page.getByLabel('Current 6-digit code', { exact: true });
}

/**
 * Signs out through the user menu and waits for the signed-out console. Returns the main-frame
 * URLs the browser visited on the way, so a test can check that it passed the provider's logout.
 */
export async function signOut(page: Page, baseUrl: string, email: string): Promise<string[]> {
  const visited: string[] = [];
  const recordNavigation = (frame: Frame) => {
    if (frame === page.mainFrame()) {
      visited.push(frame.url());
    }
  };
  page.on('framenavigated', recordNavigation);
  try {
    await chooseFromUserMenu(page, email, 'Sign out');
    await expectSignedOut(page, baseUrl);
  } finally {
    page.off('framenavigated', recordNavigation);
  }
  return visited;
}
