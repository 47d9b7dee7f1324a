import { createAppsApi, type AppsApi } from './apps';
import { UnexpectedResponseError } from './errors';
import {
  parseAuthenticator,
  parseMfaStatus,
  parsePendingEnrolment,
  parseSession,
  parseSignOutRedirect,
  parseTrustedDeviceList,
} from './parse';
import { readBody, send, type Method } from './request';
import type { Authenticator, MfaStatus, PendingEnrolment, Session, TrustedDevice } from './types';

const sessionPath = '/console/api/session';
const logoutPath = '/console/logout';
const mfaPath = '/console/api/mfa';
const authenticatorsPath = '/console/api/mfa/authenticators';
const trustedDevicesPath = '/console/api/trusted-devices';

/** Calls of the console API that need a signed-in session. */
export interface ConsoleApi extends AppsApi {
  /** Ends the session and returns the URL that finishes signing out at the provider. */
  signOut(): Promise<string>;
  getMfaStatus(): Promise<MfaStatus>;
  /**
   * Starts an enrolment. The device appears in the list only after a code confirms it. While MFA
   * is on, `stepUpCode` must be a current code from one of the account's existing devices
   * (step-up), and the server rejects the call with 403 `step_up_required` without it.
   */
  startEnrolment(deviceName: string, stepUpCode?: string): Promise<PendingEnrolment>;
  confirmEnrolment(authenticatorId: string, code: string): Promise<Authenticator>;
  /** Removes a device. `code` is a current code from any of the account's devices (step-up). */
  removeAuthenticator(authenticatorId: string, code: string): Promise<void>;
  /** Lists the browsers that skip the code step when the account signs in to the console. */
  listTrustedDevices(): Promise<TrustedDevice[]>;
  /** Ends one browser's trust, so its next sign-in requires a code again. */
  forgetTrustedDevice(deviceId: string): Promise<void>;
  forgetAllTrustedDevices(): Promise<void>;
}

/** Loads the current session, or returns null when the browser is not signed in (401). */
export async function fetchSession(): Promise<Session | null> {
  const response = await send('GET', sessionPath);
  if (response.status === 401) {
    return null;
  }
  return parseSession(await readBody(response));
}

/**
 * Creates the API for one session. `onUnauthorized` runs when a call gets 401, because the session
 * ended after the page loaded (it expired, or the account signed out in another tab).
 */
export function createConsoleApi(csrfToken: string, onUnauthorized: () => void): ConsoleApi {
  async function call(method: Method, path: string, body?: object): Promise<unknown> {
    const mutation = method === 'GET' ? undefined : { csrfToken, body: body ?? {} };
    const response = await send(method, path, mutation);
    if (response.status === 401) {
      onUnauthorized();
    }
    return readBody(response);
  }

  function authenticatorPath(authenticatorId: string): string {
    return `${authenticatorsPath}/${encodeURIComponent(authenticatorId)}`;
  }

  return {
    ...createAppsApi(call),
    signOut: async () => parseSignOutRedirect(await call('POST', logoutPath, {})),
    getMfaStatus: async () => parseMfaStatus(await call('GET', mfaPath)),
    startEnrolment: async (deviceName, stepUpCode) => {
      const stepUp = stepUpCode === undefined ? {} : { stepUp: { code: stepUpCode } };
      const body = await call('POST', authenticatorsPath, { name: deviceName, ...stepUp });
      return parsePendingEnrolment(body);
    },
    confirmEnrolment: async (authenticatorId, code) => {
      const path = `${authenticatorPath(authenticatorId)}/confirm`;
      const body = await call('POST', path, { code });
      if (typeof body !== 'object' || body === null || !('authenticator' in body)) {
        throw new UnexpectedResponseError('confirm response has no authenticator');
      }
      return parseAuthenticator(body.authenticator);
    },
    removeAuthenticator: async (authenticatorId, code) => {
      await call('DELETE', authenticatorPath(authenticatorId), { code });
    },
    listTrustedDevices: async () => parseTrustedDeviceList(await call('GET', trustedDevicesPath)),
    forgetTrustedDevice: async (deviceId) => {
      await call('DELETE', `${trustedDevicesPath}/${encodeURIComponent(deviceId)}`);
    },
    forgetAllTrustedDevices: async () => {
      await call('DELETE', trustedDevicesPath);
    },
  };
}
