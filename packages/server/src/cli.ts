import os from 'node:os';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createAccountService, normalizeEmail } from './accounts/service.js';
import { createAppService, ensureConsoleApp } from './apps/service.js';
import { createAuditService, type AuditContext } from './audit/service.js';
import { loadConfig } from './config.js';
import { type SecretBox, secretBoxOf } from './crypto/secret-box.js';
import { PortcullisError } from './http/errors.js';
import { translate } from './i18n/index.js';
import { createMfaService } from './mfa/service.js';
import { createTrustedDeviceService } from './mfa/trusted-devices.js';
import { type Db, openDatabase } from './storage/database.js';
import { migrateToLatest } from './storage/migrations.js';
import { createRepositories } from './storage/repositories.js';

const usage = `Usage: npm run portcullis -- <command> [options]

Commands:
  mfa reset --email EMAIL [--app APP_ID] [--reason TEXT]
      Remove every authenticator of a user (a lost phone) and end the user's trusted devices,
      so the next sign-in needs only the password. APP_ID defaults to "console" (console
      accounts). The reset is audited.
  account create --email EMAIL
      Create a console account (e.g. the first one when PORTCULLIS_CONSOLE_SIGNUP=closed). The
      password is read from the first line of standard input:
        printf '%s\n' "$PASSWORD" | npm run portcullis -- account create --email EMAIL
  console settings [--remember always|userOptIn|no] [--days 1-365]
      Show or change how console sign-ins remember trusted devices (default userOptIn, 30 days).
      Changing to "no" ends every console trusted device.
  migrate
      Apply pending database migrations and exit.

The database comes from PORTCULLIS_DATABASE_URL / PORTCULLIS_DATA_DIR, as for the service.`;

class UsageError extends Error {}

const rememberModes = ['always', 'userOptIn', 'no'] as const;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      app: { type: 'string', default: 'console' },
      reason: { type: 'string', default: 'reset from the command line' },
      remember: { type: 'string' },
      days: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

type Options = ReturnType<typeof parse>['values'];

function services(db: Db, secretKey: SecretBox) {
  const repositories = createRepositories(db);
  const logger = pino({ level: 'info' }, pino.destination(2));
  const clock = Date.now;
  const audit = createAuditService(repositories, logger, clock);
  const trustedDevices = createTrustedDeviceService({
    repositories,
    audit,
    clock,
    secureCookies: true,
  });
  const mfa = createMfaService({
    repositories,
    secretBox: secretKey,
    audit,
    clock,
    trustedDevices,
  });
  const apps = createAppService({ repositories, audit, clock, trustedDevices });
  const accounts = createAccountService({ repositories, audit, clock });
  return { repositories, mfa, apps, accounts };
}

const cliContext = (): AuditContext => ({
  actor: `cli:${os.userInfo().username}`,
  ip: null,
  userAgent: 'portcullis-cli',
});

async function resetMfa(db: Db, secretBox: SecretBox, values: Options) {
  if (!values.email) throw new UsageError('mfa reset needs --email EMAIL.');
  const { repositories, mfa } = services(db, secretBox);
  const appId = values.app ?? 'console';
  const user = await repositories.users.findByEmail(appId, normalizeEmail(values.email));
  if (!user) {
    throw new UsageError(
      `No user with email ${values.email} in app "${appId}". Check both and try again.`,
    );
  }
  const { removed } = await mfa.resetMfa(
    cliContext(),
    user,
    values.reason ?? 'reset from the command line',
  );
  console.log(
    `Removed ${removed} authenticator(s) of ${user.email}; the next sign-in asks only for the password.`,
  );
}

/** Reads the first line of standard input, where a script pipes the new password. */
async function readFirstLine(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError('Pipe the password on standard input; it is not read from the terminal.');
  }
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function createAccount(db: Db, secretBox: SecretBox, values: Options) {
  if (!values.email) throw new UsageError('account create needs --email EMAIL.');
  const { repositories, accounts } = services(db, secretBox);
  const consoleApp = await repositories.apps.findById('console');
  if (!consoleApp)
    throw new Error('The console app is missing; start the service once to create it.');

  const password = await readFirstLine();
  try {
    const user = await accounts.signUp(cliContext(), consoleApp, values.email, password);
    console.log(`Created the console account ${user.email}. Sign in at /console.`);
  } catch (error) {
    if (error instanceof PortcullisError) {
      throw new UsageError(translate('en', error.messageKey, error.values));
    }
    throw error;
  }
}

async function consoleSettings(db: Db, secretBox: SecretBox, values: Options) {
  const { repositories, apps } = services(db, secretBox);
  const consoleApp = await repositories.apps.findById('console');
  if (!consoleApp)
    throw new Error('The console app is missing; start the service once to create it.');

  const mode = values.remember ?? consoleApp.remember_mode;
  if (!rememberModes.includes(mode as (typeof rememberModes)[number])) {
    throw new UsageError(`--remember must be one of ${rememberModes.join(', ')}; got "${mode}".`);
  }
  const days = values.days === undefined ? consoleApp.remember_days : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 365) {
    throw new UsageError(`--days must be a whole number from 1 to 365; got "${values.days}".`);
  }

  if (values.remember !== undefined || values.days !== undefined) {
    await apps.updateSettings(cliContext(), consoleApp, {
      mfaPolicy: consoleApp.mfa_policy,
      rememberMode: mode as (typeof rememberModes)[number],
      rememberDays: days,
    });
  }
  console.log(`Console trusted devices: remember mode ${mode}, ${days} day(s).`);
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parse(argv);
  const command = positionals.join(' ');
  if (values.help || command === '') {
    console.log(usage);
    return;
  }
  if (!['mfa reset', 'account create', 'console settings', 'migrate'].includes(command)) {
    throw new UsageError(`Unknown command "${command}".`);
  }

  const config = loadConfig();
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    await ensureConsoleApp(createRepositories(db), config.publicUrl, Date.now());
    const secretBox = secretBoxOf(config);
    if (command === 'migrate') console.log('The database is up to date.');
    if (command === 'mfa reset') await resetMfa(db, secretBox, values);
    if (command === 'console settings') await consoleSettings(db, secretBox, values);
    if (command === 'account create') await createAccount(db, secretBox, values);
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  console.error(`portcullis: ${(error as Error).message}`);
  process.exit(1);
});
