// Shapes of the console API's JSON responses. Times are epoch milliseconds, as the server stores
// them.

export interface Account {
  id: string;
  email: string;
}

export interface Session {
  account: Account;
  csrfToken: string;
}

/** A confirmed authenticator, which the console calls a device. */
export interface Authenticator {
  id: string;
  name: string;
  createdAt: number;
  confirmedAt: number;
  lastUsedAt: number | null;
}

export interface MfaStatus {
  enabled: boolean;
  authenticators: Authenticator[];
}

/** An enrolment waiting for its first valid code. The server drops it after 10 minutes. */
export interface PendingEnrolment {
  id: string;
  name: string;
  /** Base32 TOTP secret, for typing into an authenticator app that cannot scan the QR code. */
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code in a data:image/png URL. */
  qrCode: string;
}

/**
 * A browser that passed an MFA challenge and may skip the code step of later sign-ins until
 * `expiresAt`. `description` names the browser and operating system, such as "Chrome 156 on Linux".
 */
export interface TrustedDevice {
  id: string;
  description: string;
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
}

/** Proof of presence for a sensitive change: a current code when MFA is on, or else the password. */
export interface StepUp {
  code?: string;
  password?: string;
}

export type ClientType = 'confidential' | 'public';
export type MfaPolicy = 'optional' | 'on';
export type RememberMode = 'always' | 'userOptIn' | 'no';

/** An app registered by the signed-in account. */
export interface App {
  id: string;
  name: string;
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  signupEnabled: boolean;
  clientType: ClientType;
  mfaPolicy: MfaPolicy;
  rememberMode: RememberMode;
  rememberDays: number;
  createdAt: number;
}

export interface NewApp {
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  clientType: ClientType;
  signupEnabled: boolean;
}

export type AppChanges = Partial<
  Pick<App, 'name' | 'redirectUris' | 'postLogoutRedirectUris' | 'signupEnabled'>
>;

/** A newly created app, with its client secret (null for a public client), shown only once. */
export interface CreatedApp {
  app: App;
  clientSecret: string | null;
}

export interface ApiKey {
  id: string;
  name: string;
  /** The first characters of the key, such as `pc_ab12`, which tell keys apart. */
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** A newly created API key with its full value, which the server returns only this once. */
export interface CreatedApiKey {
  apiKey: ApiKey;
  key: string;
}

/** An end user of one app. */
export interface User {
  id: string;
  email: string;
  createdAt: number;
  mfa: MfaStatus;
}

export interface UserPage {
  users: User[];
  total: number;
  /** 1-based page number. */
  page: number;
  pageSize: number;
}

export interface UserSearch {
  query: string;
  page: number;
  pageSize: number;
}

export interface AppSettings {
  mfaPolicy: MfaPolicy;
  rememberMode: RememberMode;
  /** How long a trusted device skips the MFA step, 1 to 365 days. */
  rememberDays: number;
}
