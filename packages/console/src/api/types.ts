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
