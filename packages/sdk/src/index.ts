export {
  createPortcullisClient,
  type PortcullisClient,
  type PortcullisClientOptions,
} from './client.js';
export { PortcullisApiError } from './errors.js';
export {
  createTokenVerifier,
  type IdTokenClaims,
  type TokenVerifier,
  type TokenVerifierOptions,
  type VerifyIdTokenOptions,
} from './tokens.js';
export type {
  ListUsersQuery,
  MfaPreference,
  SignInSettings,
  SignInSettingsChanges,
  TotpSecret,
  TrustedDevice,
  TrustedDeviceList,
  User,
  UserList,
} from './types.js';
export type { components, paths } from './schema.js';
