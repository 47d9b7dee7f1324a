import type { paths } from './schema.js';

/** The JSON body of a response object in the generated types. */
type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } }
  ? Body
  : never;

type UserPath = paths['/v1/auth/users/{user_id}'];
type PreferencePath = paths['/v1/auth/users/{user_id}/mfa/preference'];
type SettingsPath = paths['/v1/auth/sign-in-settings'];

/** A user of the API key's app. */
export type User = JsonOf<UserPath['get']['responses'][200]>;
/** One page of users and the total number of users that match. */
export type UserList = JsonOf<paths['/v1/auth/users']['get']['responses'][200]>;
/** Query of `listUsers`: an email filter, page size and offset. */
export type ListUsersQuery = NonNullable<paths['/v1/auth/users']['get']['parameters']['query']>;
/** MFA status of a user. The method is always `softwareToken` (TOTP). */
export type MfaPreference = JsonOf<PreferencePath['get']['responses'][200]>;
/** A pending TOTP secret: the base32 secret for manual entry and the otpauth:// URI for a QR code. */
export type TotpSecret = JsonOf<
  paths['/v1/auth/users/{user_id}/mfa/software-token/secret-code']['post']['responses'][201]
>;
/** The app's MFA policy, remember mode and sign-up setting. */
export type SignInSettings = JsonOf<SettingsPath['get']['responses'][200]>;
/** Changes to the sign-in settings. Fields left out keep their values. */
export type SignInSettingsChanges = JsonOf<SettingsPath['put']['requestBody']>;

/** The trusted devices of a user: browsers that may skip the code step until they expire. */
export type TrustedDeviceList = JsonOf<
  paths['/v1/auth/users/{user_id}/devices']['get']['responses'][200]
>;
/** One trusted device: a coarse description (browser and OS) and its times in epoch milliseconds. */
export type TrustedDevice = TrustedDeviceList['devices'][number];
