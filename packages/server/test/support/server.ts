import net from 'node:net';
import { Writable } from 'node:stream';
import { buildApp, type Portcullis } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { TestDatabase } from './databases.js';

/** A clock tests can move; starts at the real time. */
export function createTestClock(start = Date.now()) {
  let now = start;
  const clock = () => now;
  clock.advance = (ms: number) => {
    now += ms;
  };
  clock.set = (ms: number) => {
    now = ms;
  };
  return clock;
}

export type TestClock = ReturnType<typeof createTestClock>;

/** Collects every log line the service writes. */
export function createLogCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

export interface RunningPortcullis extends Portcullis {
  baseUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts a real instance on 127.0.0.1 with a fresh database. Pass `shared` to start another
 * instance on the same database (multi-instance tests); the first one's stop drops it.
 */
export async function startPortcullis(options: {
  database: TestDatabase;
  clock?: () => number;
  logStream?: Writable;
  shared?: { target: Config['database']; dataDir: string };
  secretKey?: string;
  /** The URL clients use, when it is not the instance's own (a load balancer in front). */
  publicUrl?: string;
}): Promise<RunningPortcullis> {
  const created = options.shared ? undefined : await options.database.create();
  const storage = options.shared ?? (created as NonNullable<typeof created>);
  const port = await freePort();
  const baseUrl = options.publicUrl ?? `http://127.0.0.1:${port}`;
  const config: Config = {
    port,
    host: '127.0.0.1',
    publicUrl: baseUrl,
    dataDir: storage.dataDir,
    database: storage.target,
    secretKey: options.secretKey,
    consoleSignup: 'open',
    logLevel: options.logStream ? 'trace' : 'warn',
  };
  const portcullis = await buildApp({ config, clock: options.clock, logStream: options.logStream });
  await portcullis.app.listen({ port, host: '127.0.0.1' });
  return {
    ...portcullis,
    baseUrl,
    port,
    dataDir: storage.dataDir,
    async stop() {
      await portcullis.app.close();
      await created?.drop();
    },
  };
}
