import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

// Steps a person takes in the console SPA, by its visible labels.

/** Finds the user menu button, which is named with the signed-in account's email. */
export function userMenuButton(page: Page, email: string): Locator {
  // NOTE: the name also ends with the " ▾" that the stylesheet adds in ::after, because Chromium
  // counts CSS generated content in the accessible name. The pattern allows that suffix.
  const escaped = email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('button', { name: new RegExp(`^${escaped}( ▾)?$`) });
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
