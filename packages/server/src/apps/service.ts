import type { AuditContext, AuditService } from '../audit/service.js';
import { generateId, generateToken, hashToken } from '../crypto/tokens.js';
import { PortcullisError } from '../http/errors.js';
import type { AppRow } from '../storage/apps.js';
import type { TrustedDeviceService } from '../mfa/trusted-devices.js';
import type { Repositories } from '../storage/repositories.js';

export interface AppView {
  id: string;
  name: string;
  clientId: string;
  clientType: AppRow['client_type'];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  signupEnabled: boolean;
  mfaPolicy: AppRow['mfa_policy'];
  rememberMode: AppRow['remember_mode'];
  rememberDays: number;
  createdAt: number;
}

export interface AppSettings {
  mfaPolicy: AppRow['mfa_policy'];
  rememberMode: AppRow['remember_mode'];
  rememberDays: number;
}

export function toAppView(app: AppRow): AppView {
  return {
    id: app.id,
    name: app.name,
    clientId: app.client_id,
    clientType: app.client_type,
    redirectUris: JSON.parse(app.redirect_uris) as string[],
    postLogoutRedirectUris: JSON.parse(app.post_logout_redirect_uris) as string[],
    signupEnabled: app.signup_enabled === 1,
    mfaPolicy: app.mfa_policy,
    rememberMode: app.remember_mode,
    rememberDays: app.remember_days,
    createdAt: app.created_at,
  };
}

export const settingsOf = (app: AppRow): AppSettings => ({
  mfaPolicy: app.mfa_policy,
  rememberMode: app.remember_mode,
  rememberDays: app.remember_days,
});

/** Creates or updates the built-in console app, whose users are the console accounts. */
export async function ensureConsoleApp(
  repositories: Repositories,
  publicUrl: string,
  now: number,
): Promise<void> {
  await repositories.apps.upsertBuiltIn({
    id: 'console',
    name: 'Portcullis',
    owner_user_id: null,
    client_id: 'console',
    client_secret_hash: null,
    redirect_uris: JSON.stringify([`${publicUrl}/console/callback`]),
    post_logout_redirect_uris: JSON.stringify([`${publicUrl}/console/`]),
    mfa_policy: 'optional',
    remember_mode: 'userOptIn',
    remember_days: 30,
    signup_enabled: 1,
    created_at: now,
    client_type: 'public',
  });
}

/** Creates the app registry: developers' apps, their OpenID client credentials and settings. */
export function createAppService(deps: {
  repositories: Repositories;
  audit: AuditService;
  clock: () => number;
  trustedDevices: TrustedDeviceService;
}) {
  const { apps } = deps.repositories;

  return {
    /** Loads an app the account owns; another account's app is `not_found`, like a missing one. */
    async findOwned(ownerUserId: string, appId: string): Promise<AppRow> {
      const app = await apps.findById(appId);
      if (!app || app.owner_user_id !== ownerUserId)
        throw new PortcullisError('not_found', { thing: 'app' });
      return app;
    },

    async list(ownerUserId: string): Promise<AppView[]> {
      return (await apps.listByOwner(ownerUserId)).map(toAppView);
    },

    async create(
      context: AuditContext,
      ownerUserId: string,
      input: {
        name: string;
        redirectUris: string[];
        postLogoutRedirectUris: string[];
        clientType: AppRow['client_type'];
        signupEnabled: boolean;
      },
    ) {
      const clientSecret = input.clientType === 'confidential' ? generateToken('pcs_') : null;
      const row: AppRow = {
        id: `app_${generateId()}`,
        name: input.name,
        owner_user_id: ownerUserId,
        client_id: `pc_${generateId()}`,
        client_secret_hash: clientSecret ? hashToken(clientSecret) : null,
        client_type: input.clientType,
        redirect_uris: JSON.stringify(input.redirectUris),
        post_logout_redirect_uris: JSON.stringify(input.postLogoutRedirectUris),
        mfa_policy: 'optional',
        remember_mode: 'no',
        remember_days: 30,
        signup_enabled: input.signupEnabled ? 1 : 0,
        created_at: deps.clock(),
      };
      await apps.insert(row);
      await deps.audit.record(context, {
        event: 'app.created',
        appId: row.id,
        userId: ownerUserId,
      });
      return { app: toAppView(row), clientSecret };
    },

    async update(
      app: AppRow,
      changes: {
        name?: string;
        redirectUris?: string[];
        postLogoutRedirectUris?: string[];
        signupEnabled?: boolean;
      },
    ): Promise<AppView> {
      await apps.update(app.id, {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.redirectUris ? { redirect_uris: JSON.stringify(changes.redirectUris) } : {}),
        ...(changes.postLogoutRedirectUris
          ? { post_logout_redirect_uris: JSON.stringify(changes.postLogoutRedirectUris) }
          : {}),
        ...(changes.signupEnabled !== undefined
          ? { signup_enabled: changes.signupEnabled ? 1 : 0 }
          : {}),
      });
      return toAppView((await apps.findById(app.id)) ?? app);
    },

    async remove(context: AuditContext, app: AppRow): Promise<void> {
      await apps.delete(app.id);
      await deps.audit.record(context, { event: 'app.deleted', appId: app.id });
    },

    /** Replaces the client secret; the old one stops working at once. */
    async regenerateClientSecret(context: AuditContext, app: AppRow): Promise<string> {
      if (app.client_type !== 'confidential') {
        throw new PortcullisError('invalid_request', {
          detail: 'a public client has no client secret',
        });
      }
      const clientSecret = generateToken('pcs_');
      await apps.update(app.id, { client_secret_hash: hashToken(clientSecret) });
      await deps.audit.record(context, { event: 'app.client_secret_regenerated', appId: app.id });
      return clientSecret;
    },

    async updateSettings(
      context: AuditContext,
      app: AppRow,
      settings: AppSettings,
    ): Promise<AppSettings> {
      await apps.update(app.id, {
        mfa_policy: settings.mfaPolicy,
        remember_mode: settings.rememberMode,
        remember_days: settings.rememberDays,
      });
      await deps.audit.record(context, {
        event: 'app.settings_changed',
        appId: app.id,
        detail: {
          mfaPolicy: settings.mfaPolicy,
          rememberMode: settings.rememberMode,
          rememberDays: settings.rememberDays,
        },
      });
      // Don't Remember ends existing trust at once, not only at the devices' expiry.
      if (settings.rememberMode === 'no' && app.remember_mode !== 'no') {
        await deps.trustedDevices.forgetApp(context, app.id);
      }
      // A shorter period applies to devices already trusted, not only to new ones.
      if (settings.rememberDays < app.remember_days) {
        await deps.repositories.trustedDevices.shortenForApp(
          app.id,
          settings.rememberDays * 24 * 60 * 60_000,
        );
      }
      return settings;
    },
  };
}

export type AppService = ReturnType<typeof createAppService>;
