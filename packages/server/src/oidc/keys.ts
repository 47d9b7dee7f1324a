import { generateKeyPair, exportJWK } from 'jose';
import { randomBytes } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Repositories } from '../storage/repositories.js';

export interface ServerKeys {
  /** ES256 private key that signs ID tokens, published (public part) at the JWKS endpoint. */
  signingJwk: JWK;
  /** Keys that sign oidc-provider's and the console's cookies. */
  cookieKeys: string[];
}

/**
 * Loads the signing and cookie keys from the database, creating them on first start. They are
 * sealed with the master key, so instances sharing a database must share PORTCULLIS_SECRET_KEY.
 */
export async function loadServerKeys(
  repositories: Repositories,
  secretBox: SecretBox,
  now: number,
): Promise<ServerKeys> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const candidateJwk = {
    ...(await exportJWK(privateKey)),
    alg: 'ES256',
    use: 'sig',
    kid: randomBytes(8).toString('hex'),
  };

  const sealedJwk = await repositories.serverKeys.getOrCreate(
    'oidc-signing-es256',
    () => secretBox.seal(JSON.stringify(candidateJwk), 'server-key:oidc-signing-es256'),
    now,
  );
  const sealedCookieKey = await repositories.serverKeys.getOrCreate(
    'cookie-key',
    () => secretBox.seal(randomBytes(32).toString('base64url'), 'server-key:cookie-key'),
    now,
  );

  return {
    signingJwk: JSON.parse(secretBox.open(sealedJwk, 'server-key:oidc-signing-es256')) as JWK,
    cookieKeys: [secretBox.open(sealedCookieKey, 'server-key:cookie-key')],
  };
}
