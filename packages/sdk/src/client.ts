import createClient, { type Client } from 'openapi-fetch';
import { apiErrorOf } from './errors.js';
import type { paths } from './schema.js';
import type {
  ListUsersQuery,
  MfaPreference,
  SignInSettings,
  SignInSettingsChanges,
  TotpSecret,
  TrustedDeviceList,
  User,
  UserList,
} from './types.js';

export interface PortcullisClientOptions {
  /** Public URL of the Portcullis service, such as `https://auth.example.com`. */
  baseUrl: string;
  /** An API key of the app, created in the console. Keep it on the server. */
  apiKey: string;
  /** A fetch implementation to use in place of the global one. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Typed calls of the Auth API for one app. Every method throws a `PortcullisApiError` when the
 * API returns an error response.
 */
export interface PortcullisClient {
  /** The underlying openapi-fetch client, for calls that have no method here. */
  readonly api: Client<paths>;

  /**
   * Creates a user of the app with an email address and a password.
   * @example const user = await portcullis.createUser({ email, password });
   */
  createUser(input: { email: string; password: string }): Promise<User>;

  /**
   * Returns one user of the app. Another app's user is `not_found`.
   * @example const { email, mfa_enabled } = await portcullis.getUser(userId);
   */
  getUser(userId: string): Promise<User>;

  /**
   * Returns a page of the app's users, optionally only those whose email contains a text.
   * @example const { users, total_count } = await portcullis.listUsers({ email: '@acme.test' });
   */
  listUsers(query?: ListUsersQuery): Promise<UserList>;

  /**
   * Deletes a user with their authenticators.
   * @example await portcullis.deleteUser(userId);
   */
  deleteUser(userId: string): Promise<void>;

  /**
   * Sets a new password for a user (a password reset). It also ends the user's trusted devices.
   * @example await portcullis.setPassword(userId, 'a new long password');
   */
  setPassword(userId: string, password: string): Promise<void>;

  /**
   * Returns whether MFA is on for a user.
   * @example const { enabled } = await portcullis.getMfaPreference(claims.sub);
   */
  getMfaPreference(userId: string): Promise<MfaPreference>;

  /**
   * Starts TOTP enrolment: issues a secret that stays pending for 10 minutes. Show
   * `otpauth_uri` as a QR code and `secret_code` for manual entry. A user who already has MFA
   * on must also give a current code (`step_up_required` without it).
   * @example const { otpauth_uri, secret_code } = await portcullis.startTotpEnrolment(sub, accessToken);
   */
  startTotpEnrolment(
    userId: string,
    accessToken: string,
    currentCode?: string,
  ): Promise<TotpSecret>;

  /**
   * Confirms the pending secret with the first code from the user's authenticator app, which
   * turns MFA on.
   * @example await portcullis.confirmTotpEnrolment(sub, accessToken, '123456');
   */
  confirmTotpEnrolment(userId: string, accessToken: string, code: string): Promise<MfaPreference>;

  /**
   * Turns MFA on for a user who already has a confirmed authenticator. Without one it throws
   * `mfa_not_enrolled` (409). Confirming an enrolment already turns MFA on.
   * @example await portcullis.enableMfa(sub);
   */
  enableMfa(userId: string): Promise<MfaPreference>;

  /**
   * Turns MFA off after checking a current code: removes every authenticator and ends the user's
   * trusted devices. Under the Required MFA policy it throws instead.
   * @example await portcullis.disableMfa(sub, accessToken, '123456');
   */
  disableMfa(userId: string, accessToken: string, code: string): Promise<MfaPreference>;

  /**
   * Resets a user's MFA as an administrator, without a code. The reason is kept in the audit trail.
   * @example await portcullis.resetMfa(userId, 'lost phone, identity checked by support');
   */
  resetMfa(userId: string, reason: string): Promise<MfaPreference>;

  /**
   * Returns the browsers that may skip the code step for a user, until each one's trust expires.
   * @example const { devices } = await portcullis.listTrustedDevices(userId);
   */
  listTrustedDevices(userId: string): Promise<TrustedDeviceList>;

  /**
   * Ends the trust of one device, so that its next sign-in requires a code again.
   * @example await portcullis.forgetTrustedDevice(userId, devices[0].id);
   */
  forgetTrustedDevice(userId: string, deviceId: string): Promise<void>;

  /**
   * Ends the trust of every device of a user, such as after a lost laptop.
   * @example await portcullis.forgetTrustedDevices(userId);
   */
  forgetTrustedDevices(userId: string): Promise<void>;

  /**
   * Returns the app's MFA policy, remember mode and sign-up setting.
   * @example const settings = await portcullis.getSignInSettings();
   */
  getSignInSettings(): Promise<SignInSettings>;

  /**
   * Changes the app's sign-in settings and returns them all.
   * @example await portcullis.updateSignInSettings({ mfa_configuration: { mfa_configuration: 'on' } });
   */
  updateSignInSettings(changes: SignInSettingsChanges): Promise<SignInSettings>;
}

interface FetchResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** Returns the body of a successful response, or throws the API error of a failed one. */
async function bodyOf<Data>(request: Promise<FetchResult<Data>>): Promise<Data> {
  const { data, error, response } = await request;
  if (!response.ok) {
    throw apiErrorOf(response, error);
  }
  return data as Data;
}

/**
 * Creates a typed client of the Auth API, authenticated with one app's API key. Use it from the
 * app's backend only, because the API key must stay secret.
 *
 * @example
 * const portcullis = createPortcullisClient({
 *   baseUrl: 'http://localhost:3000',
 *   apiKey: process.env.ACME_API_KEY!,
 * });
 * const { enabled } = await portcullis.getMfaPreference(userId);
 */
export function createPortcullisClient(options: PortcullisClientOptions): PortcullisClient {
  const api = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const user = (userId: string) => ({ params: { path: { user_id: userId } } });

  return {
    api,

    createUser: (input) => bodyOf(api.POST('/v1/auth/users', { body: input })),

    getUser: (userId) => bodyOf(api.GET('/v1/auth/users/{user_id}', user(userId))),

    listUsers: (query = {}) => bodyOf(api.GET('/v1/auth/users', { params: { query } })),

    async deleteUser(userId) {
      await bodyOf(api.DELETE('/v1/auth/users/{user_id}', user(userId)));
    },

    async setPassword(userId, password) {
      await bodyOf(
        api.PUT('/v1/auth/users/{user_id}/password', { ...user(userId), body: { password } }),
      );
    },

    getMfaPreference: (userId) =>
      bodyOf(api.GET('/v1/auth/users/{user_id}/mfa/preference', user(userId))),

    startTotpEnrolment: (userId, accessToken, currentCode) =>
      bodyOf(
        api.POST('/v1/auth/users/{user_id}/mfa/software-token/secret-code', {
          ...user(userId),
          body: {
            access_token: accessToken,
            ...(currentCode === undefined ? {} : { verification_code: currentCode }),
          },
        }),
      ),

    confirmTotpEnrolment: (userId, accessToken, code) =>
      bodyOf(
        api.PUT('/v1/auth/users/{user_id}/mfa/software-token', {
          ...user(userId),
          body: { access_token: accessToken, verification_code: code },
        }),
      ),

    enableMfa: (userId) =>
      bodyOf(
        api.PATCH('/v1/auth/users/{user_id}/mfa/preference', {
          ...user(userId),
          body: { enabled: true },
        }),
      ),

    disableMfa: (userId, accessToken, code) =>
      bodyOf(
        api.PATCH('/v1/auth/users/{user_id}/mfa/preference', {
          ...user(userId),
          body: { enabled: false, access_token: accessToken, verification_code: code },
        }),
      ),

    resetMfa: (userId, reason) =>
      bodyOf(api.POST('/v1/auth/users/{user_id}/mfa/reset', { ...user(userId), body: { reason } })),

    listTrustedDevices: (userId) =>
      bodyOf(api.GET('/v1/auth/users/{user_id}/devices', user(userId))),

    async forgetTrustedDevice(userId, deviceId) {
      await bodyOf(
        api.DELETE('/v1/auth/users/{user_id}/devices/{device_id}', {
          params: { path: { user_id: userId, device_id: deviceId } },
        }),
      );
    },

    async forgetTrustedDevices(userId) {
      await bodyOf(api.DELETE('/v1/auth/users/{user_id}/devices', user(userId)));
    },

    getSignInSettings: () => bodyOf(api.GET('/v1/auth/sign-in-settings')),

    updateSignInSettings: (changes) =>
      bodyOf(api.PUT('/v1/auth/sign-in-settings', { body: changes })),
  };
}
