import { UnexpectedResponseError } from './errors';
import type { Authenticator, MfaStatus, PendingEnrolment, Session, TrustedDevice } from './types';

// Checks that response bodies have the documented shape, so that a server change shows up as one
// clear error instead of undefined values deep inside a component.

export type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown, valueName: string): JsonObject {
  if (!isObject(value)) {
    throw new UnexpectedResponseError(`${valueName} is not a JSON object`);
  }
  return value;
}

export function readString(object: JsonObject, key: string): string {
  const value = object[key];
  if (typeof value !== 'string') {
    throw new UnexpectedResponseError(`${key} is not a string`);
  }
  return value;
}

export function readNumber(object: JsonObject, key: string): number {
  const value = object[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new UnexpectedResponseError(`${key} is not a number`);
  }
  return value;
}

export function readOptionalNumber(object: JsonObject, key: string): number | null {
  return object[key] === null ? null : readNumber(object, key);
}

export function parseSession(body: unknown): Session {
  const session = asObject(body, 'session');
  const account = asObject(session.account, 'account');
  return {
    account: { id: readString(account, 'id'), email: readString(account, 'email') },
    csrfToken: readString(session, 'csrfToken'),
  };
}

export function parseAuthenticator(value: unknown): Authenticator {
  const authenticator = asObject(value, 'authenticator');
  return {
    id: readString(authenticator, 'id'),
    name: readString(authenticator, 'name'),
    createdAt: readNumber(authenticator, 'createdAt'),
    confirmedAt: readNumber(authenticator, 'confirmedAt'),
    lastUsedAt: readOptionalNumber(authenticator, 'lastUsedAt'),
  };
}

export function parseMfaStatus(body: unknown): MfaStatus {
  const status = asObject(body, 'MFA status');
  if (typeof status.enabled !== 'boolean') {
    throw new UnexpectedResponseError('enabled is not a boolean');
  }
  if (!Array.isArray(status.authenticators)) {
    throw new UnexpectedResponseError('authenticators is not an array');
  }
  return { enabled: status.enabled, authenticators: status.authenticators.map(parseAuthenticator) };
}

export function parsePendingEnrolment(body: unknown): PendingEnrolment {
  const enrolment = asObject(body, 'enrolment');
  const qrCode = readString(enrolment, 'qrCode');
  // Only an inline PNG is shown, so a changed server can never make the page load a remote image.
  if (!qrCode.startsWith('data:image/png;base64,')) {
    throw new UnexpectedResponseError('qrCode is not a data:image/png URL');
  }
  return {
    id: readString(enrolment, 'id'),
    name: readString(enrolment, 'name'),
    secret: readString(enrolment, 'secret'),
    otpauthUri: readString(enrolment, 'otpauthUri'),
    qrCode,
  };
}

function parseTrustedDevice(value: unknown): TrustedDevice {
  const device = asObject(value, 'trusted device');
  return {
    id: readString(device, 'id'),
    description: readString(device, 'description'),
    createdAt: readNumber(device, 'createdAt'),
    lastUsedAt: readNumber(device, 'lastUsedAt'),
    expiresAt: readNumber(device, 'expiresAt'),
  };
}

/** Reads `{ devices: [...] }`, the trusted devices of the account or of an app's user. */
export function parseTrustedDeviceList(body: unknown): TrustedDevice[] {
  const list = asObject(body, 'trusted device list');
  if (!Array.isArray(list.devices)) {
    throw new UnexpectedResponseError('devices is not an array');
  }
  return list.devices.map(parseTrustedDevice);
}

export function parseSignOutRedirect(body: unknown): string {
  return readString(asObject(body, 'sign-out response'), 'redirectTo');
}

/** Reads `{ error: { code, message } }`, or returns null when the body has another shape. */
export function parseErrorBody(body: unknown): { code: string; message: string } | null {
  if (!isObject(body) || !isObject(body.error)) {
    return null;
  }
  const { code, message } = body.error;
  if (typeof code !== 'string' || typeof message !== 'string') {
    return null;
  }
  return { code, message };
}
