// Times are epoch milliseconds in integer columns and flags are 0/1 integers, so each column
// means the same on SQLite and PostgreSQL.

export interface AppsTable {
  id: string;
  name: string;
  owner_user_id: string | null;
  client_id: string;
  client_secret_hash: string | null;
  redirect_uris: string;
  post_logout_redirect_uris: string;
  mfa_policy: 'optional' | 'on';
  remember_mode: 'always' | 'userOptIn' | 'no';
  remember_days: number;
  signup_enabled: number;
  created_at: number;
  /** `confidential` clients authenticate with a client secret; `public` ones (SPAs, native) with PKCE only. */
  client_type: 'confidential' | 'public';
}

export interface ApiKeysTable {
  id: string;
  app_id: string;
  name: string;
  /** The first characters of the key, shown so people can tell keys apart. */
  prefix: string;
  key_hash: string;
  created_at: number;
  last_used_at: number | null;
}

/** Fixed-window request counters for rate limits, shared by all instances. */
export interface RateLimitsTable {
  key: string;
  window_started_at: number;
  count: number;
}

export interface UsersTable {
  id: string;
  app_id: string;
  email: string;
  email_normalized: string;
  password_hash: string;
  created_at: number;
  password_changed_at: number;
}

export interface AuthenticatorsTable {
  id: string;
  app_id: string;
  user_id: string;
  name: string;
  secret_ciphertext: string;
  created_at: number;
  /** Null while enrolment is pending. */
  confirmed_at: number | null;
  /** When a pending enrolment lapses; null once confirmed. */
  pending_expires_at: number | null;
  /** Last accepted RFC 6238 time step; -1 before the first. */
  last_used_step: number;
  last_used_at: number | null;
  /** Offset in time steps of the last accepted code from the server's clock, to see drift. */
  last_offset: number | null;
}

export interface MfaChallengesTable {
  id: string;
  app_id: string;
  user_id: string;
  interaction_uid: string;
  /** The pending authenticator when this challenge is a forced enrolment (MFA policy Required). */
  authenticator_id: string | null;
  failures: number;
  created_at: number;
  expires_at: number;
  consumed_at: number | null;
}

/** One row per throttled subject (a user's MFA, an email's password, an IP address). */
export interface ThrottlesTable {
  key: string;
  failures: number;
  window_started_at: number;
  locked_until: number;
}

export interface ConsoleSessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  id_token: string | null;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}

export interface OidcPayloadsTable {
  id: string;
  model: string;
  payload: string;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  expires_at: number | null;
  consumed_at: number | null;
}

/** Signing keys and cookie keys, sealed with the master key, created once by whichever instance comes first. */
export interface ServerKeysTable {
  name: string;
  sealed_value: string;
  created_at: number;
}

export interface AuditEventsTable {
  id: string;
  at: number;
  event: string;
  app_id: string | null;
  user_id: string | null;
  actor: string;
  ip: string | null;
  user_agent: string | null;
  detail: string;
}

/** A browser that passed an MFA challenge and may skip the code step of one app and user. */
export interface TrustedDevicesTable {
  id: string;
  app_id: string;
  user_id: string;
  /** SHA-256 of the cookie's current token. */
  token_hash: string;
  /** SHA-256 of the token before the last rotation; presenting it again reveals a stolen copy. */
  previous_token_hash: string | null;
  /** Browser and OS in words, e.g. "Chrome 156 on Linux". */
  description: string;
  created_at: number;
  last_used_at: number;
  expires_at: number;
}

export interface Database {
  apps: AppsTable;
  users: UsersTable;
  authenticators: AuthenticatorsTable;
  mfa_challenges: MfaChallengesTable;
  throttles: ThrottlesTable;
  console_sessions: ConsoleSessionsTable;
  oidc_payloads: OidcPayloadsTable;
  server_keys: ServerKeysTable;
  audit_events: AuditEventsTable;
  api_keys: ApiKeysTable;
  rate_limits: RateLimitsTable;
  trusted_devices: TrustedDevicesTable;
}
