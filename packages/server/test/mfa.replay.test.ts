import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../src/crypto/totp.js';
import { PortcullisError } from '../src/http/errors.js';
import { submitConsolePassword, submitMfaCode } from './support/console-flows.js';
import { testDatabases } from './support/databases.js';
import { startBalancer } from './support/balancer.js';
import { HttpClient } from './support/http-client.js';
import { createTestClock, startPortcullis, type RunningPortcullis } from './support/server.js';
import { createUserWithAuthenticator, sharedSecretKey, testAuditContext } from './support/users.js';

describe.each(testDatabases)(
  'code replay on $name with two instances behind a balancer',
  (database) => {
    const clock = createTestClock(Date.UTC(2026, 11, 4, 9, 0, 0));
    let first: RunningPortcullis;
    let second: RunningPortcullis;
    let balancer: Awaited<ReturnType<typeof startBalancer>>;
    let storage: Awaited<ReturnType<typeof database.create>>;

    beforeAll(async () => {
      const secretKey = sharedSecretKey();
      storage = await database.create();
      balancer = await startBalancer();
      const publicUrl = balancer.url;
      first = await startPortcullis({ database, clock, shared: storage, secretKey, publicUrl });
      second = await startPortcullis({ database, clock, shared: storage, secretKey, publicUrl });
      balancer.addTarget(first.port);
      balancer.addTarget(second.port);
    });
    afterAll(async () => {
      await balancer?.stop();
      await second?.stop();
      await first?.stop();
      await storage?.drop();
    });

    it('accepts exactly one of 50 parallel verifications of one code', async () => {
      const { user, secret } = await createUserWithAuthenticator(
        first,
        clock,
        'parallel@example.com',
      );
      clock.advance(30_000);
      const code = totp({ secret, epochMs: clock() });

      const attempts = Array.from({ length: 50 }, (_, index) =>
        (index % 2 === 0 ? first : second).services.mfa.verifyCode(testAuditContext, user, code),
      );
      const results = await Promise.allSettled(attempts);

      const accepted = results.filter((result) => result.status === 'fulfilled');
      const rejected = results.filter(
        (result) => result.status === 'rejected',
      ) as PromiseRejectedResult[];
      expect(accepted).toHaveLength(1);
      expect(rejected).toHaveLength(49);
      for (const rejection of rejected) {
        expect(rejection.reason).toBeInstanceOf(PortcullisError);
        expect(['mfa_code_used', 'mfa_locked']).toContain(
          (rejection.reason as PortcullisError).code,
        );
      }
    });

    it('rejects a code of an earlier step once a later one was accepted', async () => {
      const { user, secret } = await createUserWithAuthenticator(
        first,
        clock,
        'earlier@example.com',
      );
      clock.advance(60_000);
      const earlier = totp({ secret, epochMs: clock() - 30_000 });
      const current = totp({ secret, epochMs: clock() });
      await first.services.mfa.verifyCode(testAuditContext, user, current);
      await expect(
        first.services.mfa.verifyCode(testAuditContext, user, earlier),
      ).rejects.toMatchObject({ code: 'mfa_code_used' });
    });

    it('signs in only one of ten parallel code steps that share one code', async () => {
      const email = 'tenfold@example.com';
      const { secret } = await createUserWithAuthenticator(first, clock, email);
      clock.advance(30_000);

      const clients = Array.from({ length: 10 }, () => new HttpClient(balancer.url));
      const codePages = await Promise.all(
        clients.map((client) => submitConsolePassword(client, email, 'a long test password')),
      );
      for (const page of codePages) expect(page.body).toContain('autocomplete="one-time-code"');

      const code = totp({ secret, epochMs: clock() });
      const outcomes = await Promise.all(
        clients.map((client, index) => submitMfaCode(client, codePages[index]?.body ?? '', code)),
      );
      const signedIn = outcomes.filter((outcome) => new URL(outcome.url).pathname === '/console/');
      expect(signedIn).toHaveLength(1);
    });
  },
);
