import type { Adapter, AdapterPayload } from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { AppRow } from '../storage/apps.js';
import type { Repositories } from '../storage/repositories.js';

/** Client metadata of an app, as oidc-provider reads it. */
export function clientMetadataOf(app: AppRow): AdapterPayload {
  return {
    client_id: app.client_id,
    client_name: app.name,
    // Every ID token carries auth_time, whether or not the app sent max_age.
    require_auth_time: true,
    // Confidential clients present their secret; oidc-provider compares it with this stored
    // SHA-256 hash through the compareClientSecret override in provider.ts.
    ...(app.client_type === 'confidential' && app.client_secret_hash
      ? { token_endpoint_auth_method: 'client_secret_basic', client_secret: app.client_secret_hash }
      : { token_endpoint_auth_method: 'none' }),
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: JSON.parse(app.redirect_uris) as string[],
    post_logout_redirect_uris: JSON.parse(app.post_logout_redirect_uris) as string[],
  };
}

/**
 * Builds the oidc-provider adapter class over the oidc_payloads table. Clients are not stored
 * there: they are read from the apps table, so dynamic registration has nowhere to write.
 */
export function createKyselyAdapter(repositories: Repositories, clock: () => number) {
  const payloads = repositories.oidcPayloads;

  const decode = (row: { payload: string; consumed_at: number | null } | undefined) => {
    if (!row) return undefined;
    const payload = JSON.parse(row.payload) as AdapterPayload;
    return row.consumed_at === null
      ? payload
      : { ...payload, consumed: Math.floor(row.consumed_at / 1000) };
  };

  return class KyselyAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.model === 'Client') return;
      await payloads.upsert({
        model: this.model,
        id,
        payload: JSON.stringify(payload),
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expiresAt: expiresIn ? clock() + expiresIn * 1000 : null,
      });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') {
        const app = await repositories.apps.findByClientId(id);
        return app ? clientMetadataOf(app) : undefined;
      }
      return decode(await payloads.find(this.model, id, clock()));
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return decode(await payloads.findByUserCode(this.model, userCode, clock()));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return decode(await payloads.findByUid(this.model, uid, clock()));
    }

    /**
     * Consumes a single-use artifact (authorization code, rotated refresh token) in one
     * conditional UPDATE. oidc-provider checks `consumed` before calling this, but two parallel
     * token requests can both pass that check: the loser fails here with invalid_grant.
     */
    async consume(id: string): Promise<void> {
      if (!(await payloads.consume(this.model, id, clock()))) {
        throw new errors.InvalidGrant('grant request is invalid');
      }
    }

    async destroy(id: string): Promise<void> {
      await payloads.destroy(this.model, id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await payloads.revokeByGrantId(this.model, grantId);
    }
  };
}
