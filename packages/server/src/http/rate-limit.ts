import { PortcullisError } from './errors.js';
import type { Repositories } from '../storage/repositories.js';

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window rate limits counted in the database, so every instance enforces the same budget.
 * Throws `rate_limited` with the seconds until the window ends.
 */
export function createRateLimiter(repositories: Repositories, clock: () => number) {
  return async function consume(key: string, rule: RateLimitRule): Promise<void> {
    const now = clock();
    const { count, windowStartedAt } = await repositories.rateLimits.hit(key, now, rule.windowMs);
    if (count > rule.limit) {
      const seconds = Math.max(1, Math.ceil((windowStartedAt + rule.windowMs - now) / 1000));
      throw new PortcullisError('rate_limited', { seconds }, seconds);
    }
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
