import * as OTPAuth from 'otpauth';

/**
 * The one TOTP profile every authenticator app reads: SHA-1, 6 digits, 30-second time steps,
 * 160-bit secrets (RFC 6238 with the RFC 4226 recommendation for secret length).
 */
export const totpProfile = { algorithm: 'SHA1', digits: 6, period: 30, secretBytes: 20 } as const;

/** Time steps accepted either side of the server's clock (RFC 6238 §5.2 allows a small window). */
export const totpWindow = 1;

export type HashAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** Creates a new random secret, base32 encoded without padding. */
export function generateTotpSecret(): string {
  return new OTPAuth.Secret({ size: totpProfile.secretBytes }).base32;
}

/** Returns the RFC 6238 time step that contains the given instant. */
export function timeStepAt(epochMs: number, period: number = totpProfile.period): number {
  return Math.floor(epochMs / 1000 / period);
}

/** Computes the HOTP value of RFC 4226 for a counter. */
export function hotp(options: {
  secret: string;
  counter: number;
  digits?: number;
  algorithm?: HashAlgorithm;
}): string {
  return OTPAuth.HOTP.generate({
    secret: OTPAuth.Secret.fromBase32(options.secret),
    counter: options.counter,
    digits: options.digits ?? totpProfile.digits,
    algorithm: options.algorithm ?? totpProfile.algorithm,
  });
}

/** Computes the TOTP value of RFC 6238 at an instant. */
export function totp(options: {
  secret: string;
  epochMs: number;
  digits?: number;
  algorithm?: HashAlgorithm;
}): string {
  return hotp({ ...options, counter: timeStepAt(options.epochMs) });
}

/** Removes the spaces and dashes people type or paste inside a code. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Returns whether a code has the shape of a code of the default profile: six ASCII digits. */
export function isWellFormedCode(code: string): boolean {
  return /^[0-9]{6}$/.test(code);
}

/**
 * Finds the time step whose code matches, within the window around `epochMs`.
 * Returns the matched step, or null. Accepting the step (replay protection) is the caller's job.
 */
export function matchTotpStep(secret: string, code: string, epochMs: number): number | null {
  const delta = OTPAuth.TOTP.validate({
    token: code,
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: totpProfile.algorithm,
    digits: totpProfile.digits,
    period: totpProfile.period,
    timestamp: epochMs,
    window: totpWindow,
  });
  return delta === null ? null : timeStepAt(epochMs) + delta;
}

/**
 * Builds the otpauth:// URI that authenticator apps scan. The label is `issuer:account`, each
 * part percent-encoded (a space becomes %20, never +), with the issuer repeated as a parameter.
 */
export function buildOtpauthUri(options: {
  secret: string;
  issuer: string;
  account: string;
}): string {
  return new OTPAuth.TOTP({
    issuer: options.issuer,
    label: options.account,
    secret: OTPAuth.Secret.fromBase32(options.secret),
    algorithm: totpProfile.algorithm,
    digits: totpProfile.digits,
    period: totpProfile.period,
  }).toString();
}
