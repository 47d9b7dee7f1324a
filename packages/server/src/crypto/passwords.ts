import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP Password Storage Cheat Sheet's first profile: 19 MiB, 2 passes, 1 lane.
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Longest accepted password in characters; argon2 input beyond this only costs time. */
export const maxPasswordLength = 256;
export const minPasswordLength = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of a random password, verified when the email is unknown so that both responses take as
// long and the timing does not tell whether an account exists.
let decoyHash: Promise<string> | undefined;

export async function verifyDecoyPassword(password: string): Promise<false> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  await verifyPassword(await decoyHash, password);
  return false;
}
