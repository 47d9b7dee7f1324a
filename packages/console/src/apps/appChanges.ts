import type { App, AppChanges } from '../api/types';

/** Returns the fields of `edited` that differ from the saved app. */
export function changedFields(app: App, edited: Required<AppChanges>): AppChanges {
  const changes: AppChanges = {};
  if (edited.name !== app.name) {
    changes.name = edited.name;
  }
  if (!sameList(edited.redirectUris, app.redirectUris)) {
    changes.redirectUris = edited.redirectUris;
  }
  if (!sameList(edited.postLogoutRedirectUris, app.postLogoutRedirectUris)) {
    changes.postLogoutRedirectUris = edited.postLogoutRedirectUris;
  }
  if (edited.signupEnabled !== app.signupEnabled) {
    changes.signupEnabled = edited.signupEnabled;
  }
  return changes;
}

/**
 * Returns whether saving the changes needs step-up. The server requires it when the callback or
 * post-logout URLs change, because an added callback URL receives users' authorization codes, and
 * an added post-logout URL can send users to any site.
 */
export function changesNeedStepUp(changes: AppChanges): boolean {
  return changes.redirectUris !== undefined || changes.postLogoutRedirectUris !== undefined;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
