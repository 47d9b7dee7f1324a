/**
 * Returns the 6 digits of a TOTP code as typed, or null when it is not 6 digits. Spaces are
 * allowed because authenticator apps show codes as "123 456", and NFKC turns the full-width digits
 * and spaces of Japanese input methods into ASCII.
 */
export function normalizeCode(input: string): string | null {
  const code = input.normalize('NFKC').replace(/\s+/g, '');
  return /^[0-9]{6}$/.test(code) ? code : null;
}

/** Splits a base32 secret into blocks of 4 characters, which are easier to read and type. */
export function groupSecret(secret: string): string[] {
  return secret.match(/.{1,4}/g) ?? [];
}
