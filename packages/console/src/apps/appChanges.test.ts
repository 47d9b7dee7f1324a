import { describe, expect, it } from 'vitest';
import type { App } from '../api/types';
import { changedFields, changesNeedStepUp } from './appChanges';

const saved: App = {
  id: 'app_1',
  name: 'Acme Notes',
  clientId: 'pc_1',
  redirectUris: ['https://notes.example.com/callback'],
  postLogoutRedirectUris: ['https://notes.example.com/'],
  signupEnabled: true,
  clientType: 'confidential',
  mfaPolicy: 'optional',
  rememberMode: 'userOptIn',
  rememberDays: 30,
  createdAt: 0,
};

const unchanged = {
  name: saved.name,
  redirectUris: saved.redirectUris,
  postLogoutRedirectUris: saved.postLogoutRedirectUris,
  signupEnabled: saved.signupEnabled,
};

describe('changedFields', () => {
  it('returns nothing for an unchanged app', () => {
    expect(changedFields(saved, { ...unchanged })).toEqual({});
  });

  it('returns only the changed fields', () => {
    const edited = { ...unchanged, name: 'Acme Notes Beta', signupEnabled: false };
    expect(changedFields(saved, edited)).toEqual({ name: 'Acme Notes Beta', signupEnabled: false });
  });

  it('returns a URL list whose order changed', () => {
    const app = { ...saved, redirectUris: ['https://a.example/cb', 'https://b.example/cb'] };
    const redirectUris = ['https://b.example/cb', 'https://a.example/cb'];
    expect(changedFields(app, { ...unchanged, redirectUris })).toEqual({ redirectUris });
  });

  it('returns a URL list that became empty', () => {
    const edited = { ...unchanged, postLogoutRedirectUris: [] };
    expect(changedFields(saved, edited)).toEqual({ postLogoutRedirectUris: [] });
  });
});

describe('changesNeedStepUp', () => {
  it('needs step-up for changed callback URLs', () => {
    expect(changesNeedStepUp({ redirectUris: ['https://evil.example/callback'] })).toBe(true);
  });

  it('needs step-up for changed post-logout URLs', () => {
    expect(changesNeedStepUp({ postLogoutRedirectUris: [] })).toBe(true);
  });

  it('needs no step-up for name and sign-up changes', () => {
    expect(changesNeedStepUp({ name: 'Acme Notes Beta', signupEnabled: false })).toBe(false);
    expect(changesNeedStepUp({})).toBe(false);
  });
});
