import type Provider from 'oidc-provider';
import { PortcullisError } from '../http/errors.js';
import type { AppRow } from '../storage/apps.js';

/**
 * Checks, in-process, that an access token was issued by this provider to this app for this
 * user and has not expired or been revoked. Any mismatch is `invalid_access_token`, without
 * saying which part failed.
 */
export async function verifyUserAccessToken(
  provider: Provider,
  app: AppRow,
  userId: string,
  accessToken: string,
): Promise<void> {
  const token = await provider.AccessToken.find(accessToken).catch(() => undefined);
  const valid =
    token !== undefined &&
    !token.isExpired &&
    token.clientId === app.client_id &&
    token.accountId === userId;
  if (!valid) throw new PortcullisError('invalid_access_token');
}
