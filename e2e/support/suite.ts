import { afterAll, beforeAll, beforeEach } from 'vitest';
import { testDatabases } from '../../packages/server/test/support/databases.js';
import {
  createLogCapture,
  startPortcullis,
  type RunningPortcullis,
  type TestClock,
} from '../../packages/server/test/support/server.js';
import { launchBrowser, ScreenshotFolder, type BrowserSession } from './browser.js';
import { requireConsoleBuild } from './tools.js';

// Hooks that a browser test suite registers in its describe block. Vitest runs after-hooks in the
// reverse order of registration, so a suite that calls useServer first and useBrowsers last closes
// its browsers before anything it registered in between, and stops the server after all of it.

/** The Portcullis instance of a browser test suite. Its fields are set once beforeAll has run. */
export interface ServerSuite {
  readonly server: RunningPortcullis;
  readonly screenshots: ScreenshotFolder;
  /** Keeps the screenshots after the suite and prints the server's warnings about the failure. */
  recordFailure(): void;
}

/**
 * Registers hooks that start Portcullis on SQLite with `clock` before the first test of the
 * describe block, and stop it after the last. The screenshot folder is deleted at the end unless
 * `recordFailure` was called.
 */
export function useServer(clock: TestClock): ServerSuite {
  const serverLog = createLogCapture();
  let failed = false;
  let server: RunningPortcullis | undefined;
  let screenshots: ScreenshotFolder | undefined;

  beforeAll(async () => {
    requireConsoleBuild();
    screenshots = new ScreenshotFolder();
    server = await startPortcullis({
      database: testDatabases[0]!,
      clock,
      logStream: serverLog.stream,
    });
  });

  afterAll(async () => {
    await server?.stop();
    screenshots?.finish(failed);
  });

  return {
    get server() {
      return requireStarted(server);
    },
    get screenshots() {
      return requireStarted(screenshots);
    },
    recordFailure() {
      failed = true;
      printServerWarnings(serverLog.lines);
    },
  };
}

/**
 * Registers hooks that launch one Chromium for each name before the first test and close them
 * after the last, the last name first. When a test fails, the failure is recorded and each
 * browser's page is saved as a screenshot: "failed" with one browser, "failed-<name>" with more.
 * The returned sessions exist once beforeAll has run.
 */
export function useBrowsers<Name extends string>(
  suite: ServerSuite,
  names: readonly Name[],
): Record<Name, BrowserSession> {
  const browsers: Partial<Record<Name, BrowserSession>> = {};

  beforeAll(async () => {
    for (const name of names) {
      browsers[name] = await launchBrowser();
    }
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      suite.recordFailure();
      for (const name of names) {
        const screenshotName = names.length === 1 ? 'failed' : `failed-${name}`;
        await suite.screenshots.takePage(
          requireStarted<BrowserSession>(browsers[name]).page,
          screenshotName,
        );
      }
    });
  });

  afterAll(async () => {
    for (const name of [...names].reverse()) {
      await browsers[name]?.close();
    }
  });

  return browsers as Record<Name, BrowserSession>;
}

function requireStarted<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new Error('The browser test suite has not started: its beforeAll hook has not run.');
  }
  return value;
}

/** Prints the server's log lines at pino level warn (40) or above, which explain a failed step. */
function printServerWarnings(lines: string[]): void {
  const warnings = lines.filter((line) => (JSON.parse(line) as { level: number }).level >= 40);
  if (warnings.length > 0) {
    console.error(`The server logged:\n${warnings.join('\n')}`);
  }
}
