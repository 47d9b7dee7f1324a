import fs from 'node:fs';
import { requireTool } from '../../packages/server/test/support/oathtool.js';

/** Debian's Chromium, the browser that playwright-core drives in these tests. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Returns whether Chromium is installed. A missing browser throws under CI=true, and elsewhere
 * prints a warning that names it.
 */
export function requireChromium(): boolean {
  if (fs.existsSync(chromiumPath)) {
    return true;
  }
  if (process.env.CI === 'true') {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}. Install the Debian chromium package.`,
    );
  }
  console.warn(`Chromium is not installed at ${chromiumPath}: the browser tests do not run.`);
  return false;
}

/**
 * Checks every tool a browser test needs (Chromium, oathtool, zbarimg) and returns whether all
 * are installed. Each missing tool is named, and under CI=true the first missing one throws.
 */
export function requireBrowserTools(): boolean {
  const found = [requireChromium(), requireTool('oathtool'), requireTool('zbarimg')];
  return found.every(Boolean);
}

/** Throws when the console SPA is not built, because the server then has no /console/ page. */
export function requireConsoleBuild(): void {
  const indexFile = new URL('../../packages/console/dist/index.html', import.meta.url);
  if (!fs.existsSync(indexFile)) {
    throw new Error('The console is not built: run `npm run build` at the repository root first.');
  }
}
