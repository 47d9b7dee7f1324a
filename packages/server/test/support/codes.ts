import { totp } from '../../src/crypto/totp.js';

/** Returns a six-digit code that matches no time step in the window around `now`. */
export function wrongCode(secret: string, now: number): string {
  const valid = new Set(
    [-1, 0, 1].map((offset) => totp({ secret, epochMs: now + offset * 30_000 })),
  );
  for (let candidate = 0; ; candidate += 1) {
    const code = String(candidate).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}
