/** How a sign-in was proven: the password alone, a password and a code, or a trusted device. */
export type SignInMethod = 'password' | 'mfa' | 'trusted-device';

/** Authentication context class references Portcullis puts in `acr`. */
export const acrValues = {
  password: 'urn:portcullis:acr:pwd',
  mfa: 'urn:portcullis:acr:mfa',
  'trusted-device': 'urn:portcullis:acr:trusted-device',
} as const satisfies Record<SignInMethod, string>;

/**
 * Returns the `amr` (RFC 8176 values) and `acr` of a sign-in. A sign-in that skipped the code
 * thanks to a trusted device never claims `otp`: its tokens carry `trusted_device: true` instead.
 */
export function signInProof(method: SignInMethod): { amr: string[]; acr: string } {
  const amr = method === 'mfa' ? ['pwd', 'otp', 'mfa'] : ['pwd'];
  return { amr, acr: acrValues[method] };
}

export function isTrustedDeviceAcr(acr: unknown): boolean {
  return acr === acrValues['trusted-device'];
}
