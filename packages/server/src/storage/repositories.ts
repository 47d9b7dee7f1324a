import { createApiKeyRepository } from './api-keys.js';
import { createAppRepository } from './apps.js';
import { createAuditEventRepository } from './audit-events.js';
import { createAuthenticatorRepository } from './authenticators.js';
import { createConsoleSessionRepository } from './console-sessions.js';
import type { Db } from './database.js';
import { createMfaChallengeRepository } from './mfa-challenges.js';
import { createOidcPayloadRepository } from './oidc-payloads.js';
import { createRateLimitRepository } from './rate-limits.js';
import { createServerKeyRepository } from './server-keys.js';
import { createThrottleRepository } from './throttles.js';
import { createTrustedDeviceRepository } from './trusted-devices.js';
import { createUserRepository } from './users.js';

/** Creates every repository over one database handle. */
export function createRepositories(db: Db) {
  return {
    apps: createAppRepository(db),
    users: createUserRepository(db),
    authenticators: createAuthenticatorRepository(db),
    mfaChallenges: createMfaChallengeRepository(db),
    throttles: createThrottleRepository(db),
    consoleSessions: createConsoleSessionRepository(db),
    oidcPayloads: createOidcPayloadRepository(db),
    serverKeys: createServerKeyRepository(db),
    auditEvents: createAuditEventRepository(db),
    apiKeys: createApiKeyRepository(db),
    rateLimits: createRateLimitRepository(db),
    trustedDevices: createTrustedDeviceRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
