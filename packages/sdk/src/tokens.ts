import {
  createRemoteJWKSet,
  customFetch,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';

/** Claims of a verified Portcullis ID token. */
export interface IdTokenClaims extends JWTPayload {
  /** Id of the user, the `user_id` of the Auth API. */
  sub: string;
  /**
   * Methods the sign-in proved: `pwd` for the password, `otp` and `mfa` after a code. A sign-in that
   * skipped the code on a trusted device has no `otp`. Empty when the token carries no `amr`.
   */
  amr: string[];
  /**
   * Authentication context class of the sign-in: `urn:portcullis:acr:pwd`,
   * `urn:portcullis:acr:mfa` or `urn:portcullis:acr:trusted-device`.
   */
  acr?: string;
  /** When the user last entered a password, in seconds since the epoch. */
  auth_time?: number;
  /** Present when the app asked for the `email` scope. */
  email?: string;
  email_verified?: boolean;
  /** Present when a trusted device let the sign-in skip the code. */
  trusted_device?: boolean;
  nonce?: string;
}

export interface TokenVerifierOptions {
  /** The Portcullis issuer, exactly as its discovery document states it. */
  issuer: string;
  /** The app's client id, which must be the token's audience. */
  audience: string;
  /** A fetch implementation for discovery and the JWKS, in place of the global one. */
  fetch?: typeof globalThis.fetch;
}

export interface VerifyIdTokenOptions {
  /** The nonce sent in the authorization request. The token must carry the same value. */
  nonce?: string;
}

export interface TokenVerifier {
  /**
   * Checks an ID token's ES256 signature against the issuer's JWKS, its issuer, audience and
   * expiry, and the nonce when given. Throws a jose error (such as `ERR_JWT_EXPIRED` or
   * `ERR_JWS_SIGNATURE_VERIFICATION_FAILED`) when the token is not valid.
   * @example const claims = await verifier.verifyIdToken(tokens.id_token, { nonce });
   */
  verifyIdToken(idToken: string, options?: VerifyIdTokenOptions): Promise<IdTokenClaims>;
}

interface DiscoveryDocument {
  issuer: string;
  jwks_uri: string;
}

/** Fetches the issuer's discovery document and checks that it names the same issuer. */
async function discover(options: TokenVerifierOptions): Promise<DiscoveryDocument> {
  const fetchImplementation = options.fetch ?? globalThis.fetch;
  const url = `${options.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const response = await fetchImplementation(url, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`OpenID discovery at ${url} failed with HTTP ${response.status}.`);
  }

  const document = (await response.json()) as Partial<DiscoveryDocument>;
  // OpenID Connect Discovery 1.0 §4.3: the issuer in the document must equal the one configured.
  if (document.issuer !== options.issuer) {
    throw new Error(
      `OpenID discovery at ${url} names the issuer ${String(document.issuer)}, ` +
        `but the verifier expects ${options.issuer}. Set the issuer to exactly that value.`,
    );
  }
  if (typeof document.jwks_uri !== 'string') {
    throw new Error(`OpenID discovery at ${url} has no jwks_uri.`);
  }
  return { issuer: document.issuer, jwks_uri: document.jwks_uri };
}

/** Checks the claims an app relies on. A missing `amr` becomes an empty list. */
function idTokenClaimsOf(payload: JWTPayload): IdTokenClaims {
  const { sub } = payload;
  if (typeof sub !== 'string') {
    throw new errors.JWTClaimValidationFailed('invalid "sub" claim', payload, 'sub', 'invalid');
  }
  const amr = payload.amr ?? [];
  if (!Array.isArray(amr) || !amr.every((method) => typeof method === 'string')) {
    throw new errors.JWTClaimValidationFailed('invalid "amr" claim', payload, 'amr', 'invalid');
  }
  return { ...payload, sub, amr };
}

/**
 * Creates a verifier of ID tokens issued by Portcullis to one app. On first use it reads the
 * issuer's discovery document for the JWKS URL, and jose then caches the signing keys and
 * refetches them when a token names an unknown key.
 *
 * @example
 * const verifier = createTokenVerifier({ issuer: 'http://localhost:3000', audience: clientId });
 * const { sub, amr } = await verifier.verifyIdToken(idToken, { nonce });
 * const usedCode = amr.includes('otp');
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  let keys: Promise<JWTVerifyGetKey> | undefined;

  function signingKeys(): Promise<JWTVerifyGetKey> {
    if (keys === undefined) {
      keys = discover(options).then((document) =>
        createRemoteJWKSet(new URL(document.jwks_uri), {
          ...(options.fetch ? { [customFetch]: options.fetch } : {}),
        }),
      );
      // A failed discovery is not cached, so the next verification tries again.
      keys.catch(() => {
        keys = undefined;
      });
    }
    return keys;
  }

  return {
    async verifyIdToken(idToken, verifyOptions = {}) {
      const { payload } = await jwtVerify(idToken, await signingKeys(), {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['ES256'],
        requiredClaims: ['sub', 'iat', 'exp'],
      });

      if (verifyOptions.nonce !== undefined && payload.nonce !== verifyOptions.nonce) {
        throw new errors.JWTClaimValidationFailed(
          'unexpected "nonce" claim value',
          payload,
          'nonce',
          'check_failed',
        );
      }
      return idTokenClaimsOf(payload);
    },
  };
}
