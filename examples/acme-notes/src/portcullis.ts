import * as oidc from 'openid-client';
import { createPortcullisClient, createTokenVerifier } from '@portcullis/sdk';
import { isLoopback, type AcmeNotesConfig } from './config.js';
import type { SignedInUser } from './sessions.js';

/** Thrown when the user's access token has expired and no refresh token can renew it. */
export class SignInExpiredError extends Error {
  constructor() {
    super('The access token of this sign-in has expired.');
    this.name = 'SignInExpiredError';
  }
}

/** Thrown when the OpenID discovery document of Portcullis cannot be read. */
export class PortcullisUnreachableError extends Error {
  constructor(
    readonly portcullisUrl: string,
    cause: unknown,
  ) {
    super(`OpenID discovery at ${portcullisUrl} failed.`, { cause });
    this.name = 'PortcullisUnreachableError';
  }
}

/** Seconds before expiry at which an access token is renewed, so that it cannot expire in flight. */
const renewBeforeExpiryMs = 30_000;

/**
 * Everything the app uses from Portcullis: OpenID Connect for sign-in (openid-client), the Auth
 * API for MFA (the SDK with the app's API key) and ID token verification (the SDK's verifier).
 */
export function connectToPortcullis(config: AcmeNotesConfig) {
  const api = createPortcullisClient({ baseUrl: config.portcullisUrl, apiKey: config.apiKey });
  const verifier = createTokenVerifier({
    issuer: config.portcullisUrl,
    audience: config.clientId,
  });
  let discovered: Promise<oidc.Configuration> | undefined;

  /**
   * Reads Portcullis's discovery document on first use, so the app may start before Portcullis.
   * A failed discovery is not kept, and the next request tries again.
   */
  function openIdConfiguration(): Promise<oidc.Configuration> {
    if (discovered === undefined) {
      discovered = oidc
        .discovery(
          new URL(config.portcullisUrl),
          config.clientId,
          undefined,
          oidc.ClientSecretBasic(config.clientSecret),
          // openid-client rejects plain http unless allowed. Allow it only on this machine.
          isLoopback(config.portcullisUrl) ? { execute: [oidc.allowInsecureRequests] } : {},
        )
        .catch((error: unknown) => {
          throw new PortcullisUnreachableError(config.portcullisUrl, error);
        });
      discovered.catch(() => {
        discovered = undefined;
      });
    }
    return discovered;
  }

  /** Returns a usable access token of the user, renewing it with the refresh token when due. */
  async function currentAccessToken(user: SignedInUser): Promise<string> {
    if (Date.now() < user.accessTokenExpiresAt - renewBeforeExpiryMs) {
      return user.accessToken;
    }
    if (user.refreshToken === undefined) {
      throw new SignInExpiredError();
    }
    const tokens = await oidc.refreshTokenGrant(await openIdConfiguration(), user.refreshToken);
    user.accessToken = tokens.access_token;
    user.accessTokenExpiresAt = expiryOf(tokens);
    user.refreshToken = tokens.refresh_token ?? user.refreshToken;
    return user.accessToken;
  }

  return {
    api,
    verifier,
    openIdConfiguration,
    currentAccessToken,
    redirectUri: `${config.publicUrl}/callback`,
    postLogoutRedirectUri: `${config.publicUrl}/`,
  };
}

export type PortcullisConnection = ReturnType<typeof connectToPortcullis>;

/** Returns when an access token from a token response expires, in epoch milliseconds. */
export function expiryOf(tokens: oidc.TokenEndpointResponse): number {
  const lifetimeSeconds = tokens.expires_in ?? 0;
  return Date.now() + lifetimeSeconds * 1000;
}
