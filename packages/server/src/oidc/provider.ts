import Provider, {
  type Configuration,
  type KoaContextWithOIDC,
  interactionPolicy,
} from 'oidc-provider';
import { chooseLocale, translate } from '../i18n/index.js';
import { hashToken } from '../crypto/tokens.js';
import type { Repositories } from '../storage/repositories.js';
import { createKyselyAdapter } from './adapter.js';
import type { ServerKeys } from './keys.js';
import { renderLogout, renderMessagePage } from './pages.js';
import { acrValues, isTrustedDeviceAcr } from './sign-in-proof.js';

/** Paths the provider handles; every other path belongs to Fastify. */
export const providerRoutes = {
  authorization: '/oidc/auth',
  token: '/oidc/token',
  userinfo: '/oidc/me',
  jwks: '/oidc/jwks',
  end_session: '/oidc/session/end',
  revocation: '/oidc/token/revocation',
  introspection: '/oidc/token/introspection',
  pushed_authorization_request: '/oidc/request',
  code_verification: '/oidc/device',
  device_authorization: '/oidc/device/auth',
  backchannel_authentication: '/oidc/backchannel',
  challenge: '/oidc/challenge',
} as const;

const pageContext = (ctx: KoaContextWithOIDC) => ({
  locale: chooseLocale(
    ctx.oidc?.params?.ui_locales as string | undefined,
    ctx.get('accept-language'),
  ),
  appName: ctx.oidc?.client?.clientName ?? 'Portcullis',
});

/**
 * Builds a login prompt check: each app is its own user pool, so a provider session of a user of one
 * app never signs the browser in to another app.
 */
function sessionOfAnotherApp(repositories: Repositories) {
  return new interactionPolicy.Check(
    'session_of_another_app',
    'the session belongs to another app',
    async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      const [user, app] = await Promise.all([
        repositories.users.findById(accountId),
        repositories.apps.findByClientId(ctx.oidc.client?.clientId ?? ''),
      ]);
      return user && app && user.app_id === app.id
        ? interactionPolicy.Check.NO_NEED_TO_PROMPT
        : interactionPolicy.Check.REQUEST_PROMPT;
    },
  );
}

/** Builds the OpenID provider of the hosted login; the issuer is exactly the public URL. */
export function createProvider(options: {
  publicUrl: string;
  repositories: Repositories;
  keys: ServerKeys;
  clock: () => number;
}): Provider {
  const { repositories } = options;
  const policy = interactionPolicy.base();
  policy.get('login')?.checks.add(sessionOfAnotherApp(repositories));

  const configuration: Configuration = {
    adapter: createKyselyAdapter(repositories, options.clock),
    routes: providerRoutes,
    jwks: { keys: [options.keys.signingJwk] },
    cookies: { keys: options.keys.cookieKeys },
    // acr, amr and auth_time ride with the openid scope, so every ID token records how and when
    // the user signed in.
    claims: {
      openid: ['sub', 'acr', 'amr', 'auth_time', 'trusted_device'],
      email: ['email', 'email_verified'],
    },
    // Scope claims go in the ID token as well, so an app reads email and trusted_device there.
    conformIdTokenClaims: false,
    acrValues: Object.values(acrValues),
    scopes: ['openid', 'email', 'offline_access'],
    extraParams: ['screen'],
    responseTypes: ['code'],
    // PKCE (S256 only) for every client, as OAuth 2.1 recommends: a client secret does not stop
    // code injection, where a stolen code is pasted into the real client's own callback.
    pkce: { required: () => true },
    clientAuthMethods: ['none', 'client_secret_basic', 'client_secret_post'],
    enabledJWA: { idTokenSigningAlgValues: ['ES256'] },
    clientDefaults: {
      id_token_signed_response_alg: 'ES256',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
      RefreshToken: 14 * 24 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: {
        enabled: true,
        // Only a confidential client may introspect, and only its own tokens.
        allowedPolicy: async (_ctx, client, token) =>
          client.clientAuthMethod !== 'none' && token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = 'html';
          // Only the signed-in user's own ID token makes the page submit itself: a hint from
          // another user (an attacker's own app) leaves the choice to the person.
          const hintSubject = ctx.oidc.entities.IdTokenHint?.payload?.sub;
          const ownHint = hintSubject !== undefined && hintSubject === ctx.oidc.session?.accountId;
          ctx.body = renderLogout(pageContext(ctx), form, ownHint);
        },
        async postLogoutSuccessSource(ctx) {
          const context = pageContext(ctx);
          ctx.type = 'html';
          ctx.body = renderMessagePage(
            context,
            translate(context.locale, 'page.logged_out.title'),
            translate(context.locale, 'page.logged_out.body'),
          );
        },
      },
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    async findAccount(_ctx, sub, token) {
      const user = await repositories.users.findById(sub);
      if (!user) return undefined;
      const trusted = isTrustedDeviceAcr((token as { acr?: unknown } | undefined)?.acr);
      return {
        accountId: user.id,
        async claims() {
          return {
            sub: user.id,
            email: user.email,
            email_verified: false,
            ...(trusted ? { trusted_device: true } : {}),
          };
        },
      };
    },
    // Consent-free: an app registered in the console may read the scopes it requests.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      const grant =
        existing ??
        new ctx.oidc.provider.Grant({
          clientId: ctx.oidc.client!.clientId,
          accountId: ctx.oidc.session!.accountId!,
        });
      grant.addOIDCScope(
        ctx.oidc.requestParamScopes ? [...ctx.oidc.requestParamScopes].join(' ') : 'openid',
      );
      await grant.save();
      return grant;
    },
    // Access tokens record how the sign-in was proven, for the Auth API and introspection.
    async extraTokenClaims(ctx, token) {
      if (token.kind !== 'AccessToken') return undefined;
      const source = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken;
      if (!source) return undefined;
      return {
        amr: source.amr ?? [],
        auth_time: source.authTime,
        ...(isTrustedDeviceAcr(source.acr) ? { trusted_device: true } : {}),
      };
    },
    // Every refresh token is single use, for confidential clients too: the adapter's
    // conditional consume makes the second presentation of one fail.
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    async renderError(ctx, out) {
      const context = pageContext(ctx);
      ctx.type = 'html';
      ctx.body = renderMessagePage(
        context,
        translate(context.locale, 'page.error.title'),
        `${out.error_description ?? out.error}. ${translate(context.locale, 'page.error.back')}`,
      );
    },
  };

  const provider = new Provider(options.publicUrl, configuration);

  // Client secrets are stored as SHA-256 hashes (the client metadata carries the hash), so the
  // presented secret is hashed before oidc-provider's constant-time comparison.
  const compare = provider.Client.prototype.compareClientSecret;
  provider.Client.prototype.compareClientSecret = function (this: unknown, actual: string) {
    return compare.call(this, hashToken(actual));
  };
  // The mount sets X-Forwarded-Host and -Proto to the public URL's on every request (clients'
  // values are overwritten), so the provider reads its origin from them.
  provider.proxy = true;
  return provider;
}
