/** Settings of the Acme Notes sample, read from environment variables. */
export interface AcmeNotesConfig {
  /** URL of the Portcullis service: the issuer of ID tokens and the base URL of the Auth API. */
  portcullisUrl: string;
  clientId: string;
  clientSecret: string;
  apiKey: string;
  port: number;
  /** Host name or address to listen on. */
  host: string;
  /** URL that browsers use for this app; the callback and post-logout URLs derive from it. */
  publicUrl: string;
}

function required(environment: NodeJS.ProcessEnv, name: string, problems: string[]): string {
  const value = environment[name]?.trim();
  if (!value) {
    problems.push(`${name} is missing`);
    return '';
  }
  return value;
}

/** Checks that a value is an http or https URL and returns it without trailing slashes. */
function baseUrl(value: string, name: string, problems: string[]): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      problems.push(`${name} must be an http or https URL, not ${value}`);
    }
    return url.href.replace(/\/+$/, '');
  } catch {
    problems.push(`${name} must be a URL, not ${value}`);
    return '';
  }
}

/**
 * Reads the settings from the environment. Throws one error that names every missing or invalid
 * variable, so a first start shows all of them at once.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AcmeNotesConfig {
  const problems: string[] = [];
  const port = Number(environment.PORT ?? '4000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a port number from 0 to 65535, not ${environment.PORT}`);
  }

  const config: AcmeNotesConfig = {
    portcullisUrl: baseUrl(
      environment.PORTCULLIS_URL ?? 'http://localhost:3000',
      'PORTCULLIS_URL',
      problems,
    ),
    clientId: required(environment, 'ACME_CLIENT_ID', problems),
    clientSecret: required(environment, 'ACME_CLIENT_SECRET', problems),
    apiKey: required(environment, 'ACME_API_KEY', problems),
    port,
    host: environment.HOST ?? 'localhost',
    publicUrl: baseUrl(
      environment.ACME_PUBLIC_URL ?? `http://localhost:${port}`,
      'ACME_PUBLIC_URL',
      problems,
    ),
  };

  if (problems.length > 0) {
    throw new Error(
      `Acme Notes cannot start: ${problems.join('; ')}. ` +
        'examples/acme-notes/README.md says where each value comes from.',
    );
  }
  return config;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Returns whether a URL points at this machine, where plain http is fine for local development. */
export function isLoopback(url: string): boolean {
  return loopbackHosts.has(new URL(url).hostname);
}
