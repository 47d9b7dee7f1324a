import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Repository root: the default home of ./data, whichever folder the process starts in. */
export const repositoryRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
);

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  PORTCULLIS_PUBLIC_URL: z.url().optional(),
  PORTCULLIS_DATA_DIR: z.string().min(1).optional(),
  PORTCULLIS_DATABASE_URL: z.string().min(1).optional(),
  PORTCULLIS_SECRET_KEY: z.string().min(1).optional(),
  PORTCULLIS_OLD_SECRET_KEYS: z.string().optional(),
  PORTCULLIS_CONSOLE_SIGNUP: z.enum(['open', 'closed']).default('open'),
  PORTCULLIS_TRUST_PROXY: z.string().optional(),
  PORTCULLIS_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
});

export type DatabaseTarget =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };

export interface Config {
  port: number;
  host: string;
  /** Issuer of the OpenID provider and origin of every page, without a trailing slash. */
  publicUrl: string;
  dataDir: string;
  database: DatabaseTarget;
  /** Base64 master key from the environment; without it a key file in dataDir is used. */
  secretKey?: string;
  /** Earlier master keys (base64, comma-separated) that still open old ciphertexts after a rotation. */
  oldSecretKeys?: string[];
  consoleSignup: 'open' | 'closed';
  logLevel: string;
  /**
   * Proxies allowed to set X-Forwarded-For (the client address used for rate limits and audit):
   * false, a number of hops, or addresses and CIDR ranges.
   */
  trustProxy?: boolean | number | string[];
}

/** Parses PORTCULLIS_TRUST_PROXY: unset trusts no proxy; a whole number counts hops. */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value.trim() === '' || value === 'false') return false;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Parses the database URL: a postgres:// URL, or a SQLite file path (optionally sqlite:). */
export function parseDatabaseTarget(value: string, dataDir: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(value)) {
    return { kind: 'postgres', url: value };
  }
  const file = value.replace(/^sqlite:(\/\/)?/, '');
  return { kind: 'sqlite', file: path.resolve(dataDir, file) };
}

/** Reads and validates the environment; throws with the names of invalid variables. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(
      `Invalid configuration. Fix these environment variables: ${problems.join('; ')}`,
    );
  }
  const env = parsed.data;

  const dataDir = path.resolve(env.PORTCULLIS_DATA_DIR ?? path.join(repositoryRoot, 'data'));
  const publicUrl = (env.PORTCULLIS_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(
    /\/+$/,
    '',
  );
  const database = parseDatabaseTarget(env.PORTCULLIS_DATABASE_URL ?? 'portcullis.sqlite', dataDir);

  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    dataDir,
    database,
    secretKey: env.PORTCULLIS_SECRET_KEY,
    oldSecretKeys: (env.PORTCULLIS_OLD_SECRET_KEYS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    consoleSignup: env.PORTCULLIS_CONSOLE_SIGNUP,
    logLevel: env.PORTCULLIS_LOG_LEVEL,
    trustProxy: parseTrustProxy(env.PORTCULLIS_TRUST_PROXY),
  };
}
