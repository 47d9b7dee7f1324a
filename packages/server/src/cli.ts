import os from 'node:os';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { normalizeEmail } from './accounts/service.js';
import { createAuditService } from './audit/service.js';
import { loadConfig } from './config.js';
import { SecretBox, loadMasterKey } from './crypto/secret-box.js';
import { createMfaService } from './mfa/service.js';
import { openDatabase } from './storage/database.js';
import { migrateToLatest } from './storage/migrations.js';
import { createRepositories } from './storage/repositories.js';

const usage = `Usage: npm run portcullis -- <command> [options]

Commands:
  mfa reset --email EMAIL [--app APP_ID] [--reason TEXT]
      Remove every authenticator of a user (a lost phone) so the next sign-in needs only the
      password. APP_ID defaults to "console" (console accounts). The reset is audited.
  migrate
      Apply pending database migrations and exit.

The database comes from PORTCULLIS_DATABASE_URL / PORTCULLIS_DATA_DIR, as for the service.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      app: { type: 'string', default: 'console' },
      reason: { type: 'string', default: 'reset from the command line' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals.join(' ');
  if (values.help || command === '') {
    console.log(usage);
    return;
  }
  if (command !== 'mfa reset' && command !== 'migrate')
    throw new UsageError(`Unknown command "${command}".`);

  const config = loadConfig();
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    if (command === 'migrate') {
      console.log('The database is up to date.');
      return;
    }
    if (!values.email) throw new UsageError('mfa reset needs --email EMAIL.');

    const repositories = createRepositories(db);
    const logger = pino({ level: 'info' }, pino.destination(2));
    const audit = createAuditService(repositories, logger, Date.now);
    const mfa = createMfaService({
      repositories,
      secretBox: new SecretBox(loadMasterKey(config)),
      audit,
      clock: Date.now,
    });

    const user = await repositories.users.findByEmail(values.app, normalizeEmail(values.email));
    if (!user) {
      throw new UsageError(
        `No user with email ${values.email} in app "${values.app}". Check both and try again.`,
      );
    }
    const actor = `cli:${os.userInfo().username}`;
    const { removed } = await mfa.resetMfa(
      { actor, ip: null, userAgent: 'portcullis-cli' },
      user,
      values.reason,
    );
    console.log(
      `Removed ${removed} authenticator(s) of ${user.email}; the next sign-in asks only for the password.`,
    );
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
