import {
  parseApiKeyList,
  parseAppBody,
  parseAppList,
  parseClientSecret,
  parseCreatedApiKey,
  parseCreatedApp,
  parseSettingsBody,
  parseUserBody,
  parseUserPage,
} from './parse-apps';
import { parseTrustedDeviceList } from './parse';
import type { ApiCall } from './request';
import type {
  ApiKey,
  App,
  AppChanges,
  AppSettings,
  CreatedApiKey,
  CreatedApp,
  NewApp,
  StepUp,
  TrustedDevice,
  User,
  UserPage,
  UserSearch,
} from './types';

const appsPath = '/console/api/apps';

/**
 * Calls for the apps of the signed-in account. Calls that take a `stepUp` are sensitive, and the
 * server rejects them with 403 `step_up_required` without one.
 */
export interface AppsApi {
  listApps(): Promise<App[]>;
  /** Registers an app. The client secret in the result is never returned again. */
  createApp(app: NewApp): Promise<CreatedApp>;
  getApp(appId: string): Promise<App>;
  /**
   * Saves the changed fields. The server requires `stepUp` when the callback or post-logout URLs
   * change.
   */
  updateApp(appId: string, changes: AppChanges, stepUp?: StepUp): Promise<App>;
  deleteApp(appId: string, stepUp: StepUp): Promise<void>;
  /** Replaces the client secret and returns the new one, which is never returned again. */
  regenerateClientSecret(appId: string, stepUp: StepUp): Promise<string>;

  listApiKeys(appId: string): Promise<ApiKey[]>;
  /** Creates an API key. The full key in the result is never returned again. */
  createApiKey(appId: string, name: string, stepUp: StepUp): Promise<CreatedApiKey>;
  revokeApiKey(appId: string, keyId: string, stepUp: StepUp): Promise<void>;

  listUsers(appId: string, search: UserSearch): Promise<UserPage>;
  getUser(appId: string, userId: string): Promise<User>;
  /** Removes the user's authenticators and ends their trusted devices. */
  resetUserMfa(appId: string, userId: string, stepUp: StepUp): Promise<void>;
  deleteUser(appId: string, userId: string, stepUp: StepUp): Promise<void>;
  /** Lists the browsers that skip the MFA step when the user signs in to the app. */
  listUserTrustedDevices(appId: string, userId: string): Promise<TrustedDevice[]>;
  forgetUserTrustedDevice(appId: string, userId: string, deviceId: string): Promise<void>;
  forgetAllUserTrustedDevices(appId: string, userId: string): Promise<void>;

  getSettings(appId: string): Promise<AppSettings>;
  /** Saves the settings. The server requires `stepUp` whenever a setting changes. */
  updateSettings(appId: string, settings: AppSettings, stepUp?: StepUp): Promise<AppSettings>;
}

/** Builds the path of an app, or of a resource under it, with each id percent-encoded. */
function appPath(appId: string, ...resource: string[]): string {
  return `${appsPath}/${[appId, ...resource].map(encodeURIComponent).join('/')}`;
}

export function createAppsApi(call: ApiCall): AppsApi {
  return {
    listApps: async () => parseAppList(await call('GET', appsPath)),
    createApp: async (app) => parseCreatedApp(await call('POST', appsPath, app)),
    getApp: async (appId) => parseAppBody(await call('GET', appPath(appId))),
    updateApp: async (appId, changes, stepUp) => {
      const body = stepUp === undefined ? changes : { ...changes, stepUp };
      return parseAppBody(await call('PATCH', appPath(appId), body));
    },
    deleteApp: async (appId, stepUp) => {
      await call('DELETE', appPath(appId), { stepUp });
    },
    regenerateClientSecret: async (appId, stepUp) =>
      parseClientSecret(await call('POST', appPath(appId, 'client-secret'), { stepUp })),

    listApiKeys: async (appId) => parseApiKeyList(await call('GET', appPath(appId, 'api-keys'))),
    createApiKey: async (appId, name, stepUp) =>
      parseCreatedApiKey(await call('POST', appPath(appId, 'api-keys'), { name, stepUp })),
    revokeApiKey: async (appId, keyId, stepUp) => {
      await call('DELETE', appPath(appId, 'api-keys', keyId), { stepUp });
    },

    listUsers: async (appId, search) => {
      const query = new URLSearchParams({
        query: search.query,
        page: String(search.page),
        pageSize: String(search.pageSize),
      });
      return parseUserPage(await call('GET', `${appPath(appId, 'users')}?${query.toString()}`));
    },
    getUser: async (appId, userId) =>
      parseUserBody(await call('GET', appPath(appId, 'users', userId))),
    resetUserMfa: async (appId, userId, stepUp) => {
      await call('POST', appPath(appId, 'users', userId, 'mfa', 'reset'), { stepUp });
    },
    deleteUser: async (appId, userId, stepUp) => {
      await call('DELETE', appPath(appId, 'users', userId), { stepUp });
    },
    listUserTrustedDevices: async (appId, userId) =>
      parseTrustedDeviceList(await call('GET', appPath(appId, 'users', userId, 'devices'))),
    forgetUserTrustedDevice: async (appId, userId, deviceId) => {
      await call('DELETE', appPath(appId, 'users', userId, 'devices', deviceId));
    },
    forgetAllUserTrustedDevices: async (appId, userId) => {
      await call('DELETE', appPath(appId, 'users', userId, 'devices'));
    },

    getSettings: async (appId) => parseSettingsBody(await call('GET', appPath(appId, 'settings'))),
    updateSettings: async (appId, settings, stepUp) => {
      const body = stepUp === undefined ? settings : { ...settings, stepUp };
      return parseSettingsBody(await call('PUT', appPath(appId, 'settings'), body));
    },
  };
}
