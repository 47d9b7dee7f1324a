import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Creates a random token of 256 bits, base64url encoded, optionally with a readable prefix. */
export function generateToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Creates a random identifier of 128 bits for database rows. */
export function generateId(): string {
  return randomBytes(16).toString('base64url');
}

/** Hashes a high-entropy token for storage; such tokens need no salt or slow hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Compares two strings in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
