import type { Locator, Page } from 'playwright-core';
import type { RunningPortcullis } from '../../packages/server/test/support/server.js';
import { testAuditContext } from '../../packages/server/test/support/users.js';
import { userMenuButton } from './console.js';
import { submitPassword } from './hosted-login.js';

// Steps and controls around trusted devices: the remember offer on the hosted code step, and the
// "Trusted devices" section of the console.

export type RememberMode = 'always' | 'userOptIn' | 'no';

/**
 * Sets the console app's remember mode, as `npm run portcullis -- console settings --remember`
 * does. Choosing `no` also ends the trust of every remembered browser.
 */
export async function setConsoleRememberMode(
  server: RunningPortcullis,
  rememberMode: RememberMode,
  rememberDays = 30,
): Promise<void> {
  const consoleApp = await server.repositories.apps.findById('console');
  if (!consoleApp) {
    throw new Error('The database has no console app. Its migrations create it.');
  }
  await server.services.apps.updateSettings(testAuditContext, consoleApp, {
    mfaPolicy: 'optional',
    rememberMode,
    rememberDays,
  });
}

/**
 * Submits the hosted sign-in page, then waits for the page that follows: the MFA step, or the
 * signed-in console when a trusted device let the sign-in skip that step.
 */
export async function submitPasswordAndWait(
  page: Page,
  email: string,
  password: string,
): Promise<'codeStep' | 'console'> {
  await submitPassword(page, email, password);
  const codeInput = page.getByLabel('6-digit code');
  await codeInput.or(userMenuButton(page, email)).waitFor();
  return (await codeInput.isVisible()) ? 'codeStep' : 'console';
}

/** Finds the "Remember this device" checkbox that the code step shows under User Opt-in. */
export function rememberCheckbox(page: Page): Locator {
  return page.getByRole('checkbox', { name: 'Remember this device' });
}

/** Finds the "Trusted devices" section of the MFA page or of an app's user page. */
export function trustedDeviceSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Trusted devices', exact: true });
}

/** Finds the rows of the trusted devices table, without its header row. */
export function trustedDeviceRows(section: Locator): Locator {
  return section.getByRole('row').filter({ has: section.page().getByRole('rowheader') });
}
