import type { FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import type { AuditService } from '../audit/service.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { auditContextOf } from '../http/context.js';
import { PortcullisError } from '../http/errors.js';
import type { Repositories } from '../storage/repositories.js';
import type { ConsoleSessions } from './console-session.js';

const loginCookie = 'portcullis_console_login';

interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
}

/**
 * Registers the console's sign-in as a relying party of its own hosted login: authorization code with
 * PKCE, the code exchanged by this backend, then an HttpOnly console session.
 */
export async function consoleAuthRoutes(
  app: FastifyInstance,
  deps: {
    publicUrl: string;
    repositories: Repositories;
    sessions: ConsoleSessions;
    audit: AuditService;
    secureCookies: boolean;
    secretBox: SecretBox;
    /** Sends provider requests in-process, so the service never needs to reach its own public URL. */
    providerFetch: client.CustomFetch;
  },
) {
  const redirectUri = `${deps.publicUrl}/console/callback`;
  let configuration: client.Configuration | undefined;

  async function providerConfiguration(): Promise<client.Configuration> {
    if (!configuration) {
      configuration = await client.discovery(
        new URL(deps.publicUrl),
        'console',
        undefined,
        client.None(),
        {
          [client.customFetch]: deps.providerFetch,
          execute: [client.allowInsecureRequests],
        },
      );
      configuration[client.customFetch] = deps.providerFetch;
    }
    return configuration;
  }

  function openPendingLogin(sealed: string): PendingLogin | undefined {
    try {
      return JSON.parse(deps.secretBox.open(sealed, loginCookie)) as PendingLogin;
    } catch {
      return undefined;
    }
  }

  app.get('/console/login', async (request, reply) => {
    const pending: PendingLogin = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const screen =
      (request.query as { screen?: string }).screen === 'signup' ? 'signup' : undefined;
    const url = client.buildAuthorizationUrl(await providerConfiguration(), {
      redirect_uri: redirectUri,
      scope: 'openid email',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      ...(screen ? { screen } : {}),
    });
    reply.setCookie(loginCookie, deps.secretBox.seal(JSON.stringify(pending), loginCookie), {
      path: '/console',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookies,
      maxAge: 600,
    });
    return reply.redirect(url.href);
  });

  app.get('/console/callback', async (request, reply) => {
    const sealed = request.cookies[loginCookie];
    reply.clearCookie(loginCookie, { path: '/console' });
    const pending = sealed ? openPendingLogin(sealed) : undefined;
    if (!pending) return reply.redirect('/console/');

    let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      tokens = await client.authorizationCodeGrant(
        await providerConfiguration(),
        new URL(request.url, deps.publicUrl),
        {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
        },
      );
    } catch (error) {
      // A cancelled sign-in, a replayed callback or a stale state: start again from the console.
      request.log.info(
        { reason: (error as { code?: string }).code ?? 'unknown' },
        'console sign-in callback rejected',
      );
      return reply.redirect('/console/');
    }
    const claims = tokens.claims();
    const user = claims ? await deps.repositories.users.findById(claims.sub) : undefined;
    if (!user || user.app_id !== 'console') throw new PortcullisError('unauthenticated');

    await deps.sessions.start(reply, user, tokens.id_token ?? null);
    return reply.redirect('/console/');
  });

  app.post('/console/logout', async (request, reply) => {
    const { session, user } = await deps.sessions.require(request);
    await deps.sessions.end(request, reply);
    await deps.audit.record(auditContextOf(request, `user:${user.id}`), {
      event: 'console.signed_out',
      appId: 'console',
      userId: user.id,
    });
    const redirectTo = client.buildEndSessionUrl(await providerConfiguration(), {
      post_logout_redirect_uri: `${deps.publicUrl}/console/`,
      ...(session.id_token ? { id_token_hint: session.id_token } : {}),
    });
    return { redirectTo: redirectTo.href };
  });

  app.get('/console/api/session', async (request) => {
    const { session, user } = await deps.sessions.require(request);
    return { account: { id: user.id, email: user.email }, csrfToken: session.csrf_token };
  });
}
