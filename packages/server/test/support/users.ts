import { randomBytes } from 'node:crypto';
import type { Portcullis } from '../../src/app.js';
import { totp } from '../../src/crypto/totp.js';

export const testAuditContext = { actor: 'test', ip: '127.0.0.1', userAgent: 'vitest' };

/** Creates a console user with one confirmed authenticator; returns the user and its secret. */
export async function createUserWithAuthenticator(
  portcullis: Portcullis,
  clock: () => number,
  email: string,
) {
  const app = await portcullis.repositories.apps.findById('console');
  if (!app) throw new Error('The console app is missing.');
  const user = await portcullis.services.accounts.signUp(
    testAuditContext,
    app,
    email,
    'a long test password',
  );
  const enrolment = await portcullis.services.mfa.startEnrolment(
    testAuditContext,
    app,
    user,
    'Phone',
  );
  await portcullis.services.mfa.confirmEnrolment(
    testAuditContext,
    user,
    enrolment.id,
    totp({ secret: enrolment.secret, epochMs: clock() }),
  );
  return { app, user, secret: enrolment.secret, authenticatorId: enrolment.id };
}

/** A master key shared by instances of one multi-instance test. */
export const sharedSecretKey = () => randomBytes(32).toString('base64');
