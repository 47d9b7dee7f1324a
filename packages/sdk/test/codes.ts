import { totp } from '../../server/src/crypto/totp.js';

const stepMs = 30_000;

/**
 * Returns a 6-digit code that the server rejects at `epochMs`: it differs from the codes of the
 * current time step and of the steps on either side, which the server's window also accepts.
 */
export function wrongCodeAt(secret: string, epochMs: number): string {
  const accepted = [-stepMs, 0, stepMs].map((offset) =>
    totp({ secret, epochMs: epochMs + offset }),
  );
  const code = ['000000', '111111', '222222', '333333'].find(
    (candidate) => !accepted.includes(candidate),
  );
  if (code === undefined) throw new Error(`Every candidate code is valid at ${epochMs}.`);
  return code;
}
