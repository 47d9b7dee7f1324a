import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { oathtoolTotp } from '../../packages/server/test/support/oathtool.js';

// Steps on the server-rendered hosted login pages, which every app's sign-in shares.

/** Fills the hosted sign-up page and presses "Create account". */
export async function submitSignUp(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Fills the hosted sign-in page and presses "Sign in". */
export async function submitPassword(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Waits for the MFA step of a sign-in and checks that its input lets browsers and password
 * managers offer a one-time code.
 */
export async function expectCodeStep(page: Page): Promise<void> {
  const codeInput = page.getByLabel('6-digit code');
  await codeInput.waitFor();
  expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
  await page.getByRole('button', { name: 'Verify' }).waitFor();
}

/** Types a code in the MFA step and presses "Verify". */
export async function submitCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

/**
 * Returns a 6-digit code that the server rejects at `epochMs`. It differs from the codes of the
 * current time step and of the steps on either side, because the server's window accepts those too.
 */
export function invalidCodeAt(secret: string, epochMs: number): string {
  const stepMs = 30_000;
  const accepted = [-stepMs, 0, stepMs].map((offset) => oathtoolTotp(secret, epochMs + offset));
  const candidates = ['000000', '111111', '222222', '333333'];
  const code = candidates.find((candidate) => !accepted.includes(candidate));
  if (code === undefined) {
    throw new Error(`Every candidate code is valid at ${epochMs}. Add another candidate.`);
  }
  return code;
}
