import type { FastifyInstance } from 'fastify';
import type { Frame, Page } from 'playwright-core';
import { buildAcmeNotes } from '../../examples/acme-notes/src/app.js';

// Steps of the Acme Notes browser test: registering the sample in the console's Apps pages, and
// running the sample in the test process.

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * Registers a confidential app on the console's "New app" page and returns the client ID and the
 * client secret, which the page shows once. Leaves the browser on the app's page.
 */
export async function registerApp(
  page: Page,
  baseUrl: string,
  app: { name: string; callbackUrl: string; postLogoutUrl: string },
): Promise<AppCredentials> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByRole('link', { name: 'New app' }).click();
  await page.getByRole('heading', { name: 'New app' }).waitFor();
  await page.getByLabel('App name').fill(app.name);
  await page.getByLabel('Callback URLs').fill(app.callbackUrl);
  await page.getByLabel('Post-logout redirect URLs').fill(app.postLogoutUrl);
  await page.getByRole('button', { name: 'Create app' }).click();

  await page.getByText(`“${app.name}” has been created.`).waitFor();
  const clientId = (await page.locator('dt:text-is("Client ID") + dd').textContent()) ?? '';
  const clientSecret = await page.getByLabel('New client secret').inputValue();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('tab', { name: 'Overview' }).waitFor();
  return { clientId: clientId.trim(), clientSecret };
}

/**
 * Creates an API key on the "API keys" tab of the app page that the browser shows, confirming
 * with the account's password (step-up for an account without MFA), and returns the key.
 */
export async function createApiKey(page: Page, keyName: string, password: string) {
  await page.getByRole('tab', { name: 'API keys' }).click();
  await page.getByRole('button', { name: 'Create API key' }).click();
  await page.getByLabel('Key name').fill(keyName);
  await page.getByLabel('Your password').fill(password);
  await page.getByRole('button', { name: 'Create API key' }).click();

  await page.getByText(`API key “${keyName}” has been created.`).waitFor();
  return page.getByLabel('New API key').inputValue();
}

/**
 * Presses "Sign out" in Acme Notes and waits for its signed-out home page. Returns the main-frame
 * URLs visited on the way, so a test can check that the browser passed Portcullis's logout.
 */
export async function signOutOfAcmeNotes(page: Page): Promise<string[]> {
  const visited: string[] = [];
  const recordNavigation = (frame: Frame) => {
    if (frame === page.mainFrame()) {
      visited.push(frame.url());
    }
  };
  page.on('framenavigated', recordNavigation);
  try {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Create account' }).waitFor();
  } finally {
    page.off('framenavigated', recordNavigation);
  }
  return visited;
}

export interface RunningAcmeNotes {
  url: string;
  app: FastifyInstance;
  stop(): Promise<void>;
}

/** Starts the Acme Notes sample on 127.0.0.1 at a given port, signing in through Portcullis. */
export async function startAcmeNotes(options: {
  portcullisUrl: string;
  credentials: AppCredentials;
  apiKey: string;
  port: number;
}): Promise<RunningAcmeNotes> {
  const url = `http://127.0.0.1:${options.port}`;
  const app = await buildAcmeNotes(
    {
      portcullisUrl: options.portcullisUrl,
      clientId: options.credentials.clientId,
      clientSecret: options.credentials.clientSecret,
      apiKey: options.apiKey,
      port: options.port,
      host: '127.0.0.1',
      publicUrl: url,
    },
    { logLevel: 'warn' },
  );
  await app.listen({ port: options.port, host: '127.0.0.1' });
  return { url, app, stop: () => app.close() };
}
