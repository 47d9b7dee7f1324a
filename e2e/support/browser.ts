import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './tools.js';

/** Time limit of each locator action or wait, so a stuck step fails before the test times out. */
const actionTimeoutMs = 10_000;

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and Content Security Policy violations, in the order seen. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a fresh profile, so no cookie or trusted device carries over
 * from another test. `close()` ends the browser and deletes the profile.
 */
export async function launchBrowser(): Promise<BrowserSession> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portcullis-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'en-US',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(actionTimeoutMs);

  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
      problems.push(`${page.url()}: ${message.text()}`);
    }
  });

  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * A temporary folder for screenshots, numbered in the order they are taken. `finish` deletes it
 * unless a test failed or PORTCULLIS_E2E_KEEP_SCREENSHOTS=1 is set, and prints the path it keeps.
 */
export class ScreenshotFolder {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portcullis-screenshots-'));
  private count = 0;

  /** Returns a new numbered PNG path in the folder, such as `03-code-step.png`. */
  nextPath(name: string): string {
    this.count += 1;
    return path.join(this.dir, `${String(this.count).padStart(2, '0')}-${name}.png`);
  }

  /** Saves a screenshot of the whole page and returns its path. */
  async takePage(page: Page, name: string): Promise<string> {
    const file = this.nextPath(name);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }

  finish(failed: boolean): void {
    if (failed || process.env.PORTCULLIS_E2E_KEEP_SCREENSHOTS === '1') {
      console.info(`Screenshots of the browser test are in ${this.dir}`);
      return;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
