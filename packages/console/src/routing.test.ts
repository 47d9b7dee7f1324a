import { describe, expect, it } from 'vitest';
import { appPath, routeFor, userPath, type AppSection } from './routing';

describe('routeFor', () => {
  it.each([
    ['/console/', { kind: 'home' }],
    ['/console', { kind: 'home' }],
    ['/console/mfa', { kind: 'mfa' }],
    ['/console/apps/new', { kind: 'newApp' }],
    ['/console/apps/app_1', { kind: 'app', appId: 'app_1', section: 'overview' }],
    ['/console/apps/app_1/', { kind: 'app', appId: 'app_1', section: 'overview' }],
    ['/console/apps/app_1/client-secret', { kind: 'app', appId: 'app_1', section: 'clientSecret' }],
    ['/console/apps/app_1/api-keys', { kind: 'app', appId: 'app_1', section: 'apiKeys' }],
    ['/console/apps/app_1/users', { kind: 'app', appId: 'app_1', section: 'users' }],
    ['/console/apps/app_1/settings', { kind: 'app', appId: 'app_1', section: 'settings' }],
    [
      '/console/apps/app_1/settings/authentication',
      { kind: 'app', appId: 'app_1', section: 'settings' },
    ],
    ['/console/apps/app_1/users/u_2', { kind: 'user', appId: 'app_1', userId: 'u_2' }],
  ])('reads %s', (pathname, expected) => {
    expect(routeFor(pathname)).toEqual(expected);
  });

  it.each([
    '/console/nowhere',
    '/console/apps',
    '/console/apps/app_1/unknown',
    '/console/apps/app_1/users/u_2/more',
    '/console/apps//users',
    '/console/apps/%E0%A4%A',
  ])('returns notFound for %s', (pathname) => {
    expect(routeFor(pathname)).toEqual({ kind: 'notFound' });
  });
});

describe('appPath', () => {
  const sections: AppSection[] = ['overview', 'clientSecret', 'apiKeys', 'users', 'settings'];

  it.each(sections)('round-trips the %s section of an id with reserved characters', (section) => {
    const appId = 'a/b?c#d é';
    expect(routeFor(appPath(appId, section))).toEqual({ kind: 'app', appId, section });
  });
});

describe('userPath', () => {
  it('round-trips ids with reserved characters', () => {
    const appId = 'app/1';
    const userId = 'user%2';
    expect(routeFor(userPath(appId, userId))).toEqual({ kind: 'user', appId, userId });
  });
});
