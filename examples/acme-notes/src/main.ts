import { buildAcmeNotes } from './app.js';
import { loadConfig, type AcmeNotesConfig } from './config.js';

// Starts Acme Notes with settings from the environment and stops it cleanly on SIGINT or SIGTERM.

let config: AcmeNotesConfig;
try {
  config = loadConfig();
} catch (error) {
  // A configuration mistake needs its message, not a stack trace.
  console.error((error as Error).message);
  process.exit(1);
}

const app = await buildAcmeNotes(config);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'stopping');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  });
}

await app.listen({ port: config.port, host: config.host });
app.log.info(`Acme Notes is at ${config.publicUrl}, signing in through ${config.portcullisUrl}`);
