import { UnexpectedResponseError } from './errors';
import {
  asObject,
  parseMfaStatus,
  readNumber,
  readOptionalNumber,
  readString,
  type JsonObject,
} from './parse';
import type { ApiKey, App, AppSettings, CreatedApiKey, CreatedApp, User, UserPage } from './types';

// Shape checks for the responses of the apps part of the console API.

function readBoolean(object: JsonObject, key: string): boolean {
  const value = object[key];
  if (typeof value !== 'boolean') {
    throw new UnexpectedResponseError(`${key} is not a boolean`);
  }
  return value;
}

function readStringArray(object: JsonObject, key: string): string[] {
  const value = object[key];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new UnexpectedResponseError(`${key} is not an array of strings`);
  }
  return value;
}

function readArray(object: JsonObject, key: string): unknown[] {
  const value = object[key];
  if (!Array.isArray(value)) {
    throw new UnexpectedResponseError(`${key} is not an array`);
  }
  return value;
}

function readOneOf<T extends string>(object: JsonObject, key: string, allowed: readonly T[]): T {
  const value = object[key];
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    throw new UnexpectedResponseError(`${key} is not one of ${allowed.join(', ')}`);
  }
  return match;
}

function parseSettingsFields(object: JsonObject): AppSettings {
  return {
    mfaPolicy: readOneOf(object, 'mfaPolicy', ['optional', 'on']),
    rememberMode: readOneOf(object, 'rememberMode', ['always', 'userOptIn', 'no']),
    rememberDays: readNumber(object, 'rememberDays'),
  };
}

export function parseApp(value: unknown): App {
  const app = asObject(value, 'app');
  return {
    id: readString(app, 'id'),
    name: readString(app, 'name'),
    clientId: readString(app, 'clientId'),
    redirectUris: readStringArray(app, 'redirectUris'),
    postLogoutRedirectUris: readStringArray(app, 'postLogoutRedirectUris'),
    signupEnabled: readBoolean(app, 'signupEnabled'),
    clientType: readOneOf(app, 'clientType', ['confidential', 'public']),
    ...parseSettingsFields(app),
    createdAt: readNumber(app, 'createdAt'),
  };
}

export function parseAppList(body: unknown): App[] {
  return readArray(asObject(body, 'app list'), 'apps').map(parseApp);
}

/** Reads `{ app }`, the body of a read or an update of one app. */
export function parseAppBody(body: unknown): App {
  return parseApp(asObject(body, 'app response').app);
}

export function parseCreatedApp(body: unknown): CreatedApp {
  const created = asObject(body, 'created app');
  const clientSecret = created.clientSecret === null ? null : readString(created, 'clientSecret');
  return { app: parseApp(created.app), clientSecret };
}

export function parseClientSecret(body: unknown): string {
  return readString(asObject(body, 'client secret response'), 'clientSecret');
}

export function parseApiKey(value: unknown): ApiKey {
  const apiKey = asObject(value, 'API key');
  return {
    id: readString(apiKey, 'id'),
    name: readString(apiKey, 'name'),
    prefix: readString(apiKey, 'prefix'),
    createdAt: readNumber(apiKey, 'createdAt'),
    lastUsedAt: readOptionalNumber(apiKey, 'lastUsedAt'),
  };
}

export function parseApiKeyList(body: unknown): ApiKey[] {
  return readArray(asObject(body, 'API key list'), 'apiKeys').map(parseApiKey);
}

export function parseCreatedApiKey(body: unknown): CreatedApiKey {
  const created = asObject(body, 'created API key');
  return { apiKey: parseApiKey(created.apiKey), key: readString(created, 'key') };
}

export function parseUser(value: unknown): User {
  const user = asObject(value, 'user');
  return {
    id: readString(user, 'id'),
    email: readString(user, 'email'),
    createdAt: readNumber(user, 'createdAt'),
    mfa: parseMfaStatus(user.mfa),
  };
}

export function parseUserBody(body: unknown): User {
  return parseUser(asObject(body, 'user response').user);
}

export function parseUserPage(body: unknown): UserPage {
  const page = asObject(body, 'user page');
  return {
    users: readArray(page, 'users').map(parseUser),
    total: readNumber(page, 'total'),
    page: readNumber(page, 'page'),
    pageSize: readNumber(page, 'pageSize'),
  };
}

export function parseSettingsBody(body: unknown): AppSettings {
  return parseSettingsFields(asObject(asObject(body, 'settings response').settings, 'settings'));
}
