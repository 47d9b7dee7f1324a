import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { AcmeNotesConfig } from './config.js';
import { expiryOf, type PortcullisConnection } from './portcullis.js';
import type { SessionStore } from './sessions.js';
import { requireSignedIn } from './web.js';

export interface SignInDependencies {
  config: AcmeNotesConfig;
  sessions: SessionStore;
  portcullis: PortcullisConnection;
}

/**
 * Registers the routes of sign-in through Portcullis's hosted login. They send an authorization
 * code request with PKCE (S256), state and nonce, exchange the code with the client secret,
 * verify the ID token with the SDK, and end sessions with RP-initiated logout.
 */
export function signInRoutes(app: FastifyInstance, deps: SignInDependencies): void {
  const { sessions, portcullis } = deps;

  async function startSignIn(request: FastifyRequest, reply: FastifyReply, signUp: boolean) {
    const session = sessions.load(request, reply);
    const pending = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    session.pendingSignIn = pending;

    const authorizationUrl = oidc.buildAuthorizationUrl(await portcullis.openIdConfiguration(), {
      redirect_uri: portcullis.redirectUri,
      // OpenID Connect grants offline_access (a refresh token) only with prompt=consent; the
      // hosted login grants consent to registered apps without showing a page.
      scope: 'openid email offline_access',
      prompt: 'consent',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      // Portcullis's own parameter: open the hosted login on its sign-up page.
      ...(signUp ? { screen: 'signup' } : {}),
    });
    return reply.redirect(authorizationUrl.href, 303);
  }

  app.get('/login', (request, reply) => startSignIn(request, reply, false));
  app.get('/signup', (request, reply) => startSignIn(request, reply, true));

  app.get('/callback', async (request, reply) => {
    const session = sessions.find(request);
    const pending = session?.pendingSignIn;
    if (session === undefined || pending === undefined) {
      // A callback without a started sign-in: a reload, a second tab, or a forged request.
      return reply.redirect('/', 303);
    }
    session.pendingSignIn = undefined;

    let tokens: oidc.TokenEndpointResponse;
    try {
      tokens = await oidc.authorizationCodeGrant(
        await portcullis.openIdConfiguration(),
        new URL(request.url, deps.config.publicUrl),
        {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        },
      );
    } catch (error) {
      request.log.warn({ err: error }, 'sign-in callback rejected');
      session.notice = 'The sign-in did not finish. Sign in again.';
      return reply.redirect('/', 303);
    }

    const idToken = tokens.id_token as string;
    const claims = await portcullis.verifier.verifyIdToken(idToken, { nonce: pending.nonce });
    const email = claims.email ?? (await portcullis.api.getUser(claims.sub)).email;

    const signedIn = sessions.renew(request, reply);
    signedIn.user = {
      userId: claims.sub,
      email,
      amr: claims.amr,
      idToken,
      accessToken: tokens.access_token,
      accessTokenExpiresAt: expiryOf(tokens),
      refreshToken: tokens.refresh_token,
    };
    request.log.info({ userId: claims.sub, amr: claims.amr }, 'user signed in');
    return reply.redirect('/', 303);
  });

  app.post('/logout', async (request, reply) => {
    const signedIn = requireSignedIn(sessions, request, reply);
    if (signedIn === undefined) return reply;

    sessions.end(request, reply);
    // Ending Portcullis's session as well makes the next sign-in require the password again.
    const endSessionUrl = oidc.buildEndSessionUrl(await portcullis.openIdConfiguration(), {
      id_token_hint: signedIn.user.idToken,
      post_logout_redirect_uri: portcullis.postLogoutRedirectUri,
    });
    return reply.redirect(endSessionUrl.href, 303);
  });
}
