import { buildApp } from './app.js';
import { loadConfig } from './config.js';

/** Prints a start-up failure as one line (no stack trace for a configuration mistake) and exits. */
function exitOnStartFailure(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? ' Another process uses this port: stop it or set PORT.'
      : '';
  console.error(`Portcullis could not start: ${message}${hint}`);
  process.exit(1);
}

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    return exitOnStartFailure(error);
  }
})();
const { app } = await buildApp({ config }).catch(exitOnStartFailure);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

await app.listen({ port: config.port, host: config.host }).catch(exitOnStartFailure);
app.log.info(
  { publicUrl: config.publicUrl, database: config.database.kind, dataDir: config.dataDir },
  `Portcullis is running: open ${config.publicUrl}/console`,
);
