import type { AuditContext, AuditService } from '../audit/service.js';
import { generateId, generateToken, hashToken } from '../crypto/tokens.js';
import { PortcullisError } from '../http/errors.js';
import type { ApiKeyRow } from '../storage/api-keys.js';
import type { AppRow } from '../storage/apps.js';
import type { Repositories } from '../storage/repositories.js';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
}

const keyPrefix = 'pc_live_';

const toApiKeyView = (row: ApiKeyRow): ApiKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

/** API keys with which an app's backend calls the Auth API; stored only as SHA-256 hashes. */
export function createApiKeyService(deps: {
  repositories: Repositories;
  audit: AuditService;
  clock: () => number;
}) {
  const { apiKeys, apps } = deps.repositories;

  return {
    async list(app: AppRow): Promise<ApiKeyView[]> {
      return (await apiKeys.listForApp(app.id)).map(toApiKeyView);
    },

    /** Creates a key; the returned `key` is the only time its value is available. */
    async create(context: AuditContext, app: AppRow, name: string) {
      const key = generateToken(keyPrefix);
      const row: ApiKeyRow = {
        id: `key_${generateId()}`,
        app_id: app.id,
        name,
        prefix: key.slice(0, keyPrefix.length + 4),
        key_hash: hashToken(key),
        created_at: deps.clock(),
        last_used_at: null,
      };
      await apiKeys.insert(row);
      await deps.audit.record(context, {
        event: 'api_key.created',
        appId: app.id,
        detail: { apiKeyId: row.id },
      });
      return { apiKey: toApiKeyView(row), key };
    },

    async revoke(context: AuditContext, app: AppRow, keyId: string): Promise<void> {
      if (!(await apiKeys.delete(app.id, keyId)))
        throw new PortcullisError('not_found', { thing: 'API key' });
      await deps.audit.record(context, {
        event: 'api_key.revoked',
        appId: app.id,
        detail: { apiKeyId: keyId },
      });
    },

    /** Finds the app of a presented key, or throws `invalid_api_key`. */
    async authenticate(presented: string | undefined): Promise<{ app: AppRow; apiKeyId: string }> {
      if (!presented?.startsWith(keyPrefix)) throw new PortcullisError('invalid_api_key');
      const row = await apiKeys.findByHash(hashToken(presented));
      const app = row ? await apps.findById(row.app_id) : undefined;
      if (!row || !app) throw new PortcullisError('invalid_api_key');

      const now = deps.clock();
      // Last use is for people reading the list: a minute's precision saves a write per request.
      if (row.last_used_at === null || now - row.last_used_at > 60_000)
        await apiKeys.touch(row.id, now);
      return { app, apiKeyId: row.id };
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
