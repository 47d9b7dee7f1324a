import type { Repositories } from '../storage/repositories.js';

/** Creates or updates the built-in console app, whose users are the console accounts. */
export async function ensureConsoleApp(
  repositories: Repositories,
  publicUrl: string,
  now: number,
): Promise<void> {
  await repositories.apps.upsertBuiltIn({
    id: 'console',
    name: 'Portcullis',
    owner_user_id: null,
    client_id: 'console',
    client_secret_hash: null,
    redirect_uris: JSON.stringify([`${publicUrl}/console/callback`]),
    post_logout_redirect_uris: JSON.stringify([`${publicUrl}/console/`]),
    mfa_policy: 'optional',
    remember_mode: 'no',
    remember_days: 30,
    signup_enabled: 1,
    created_at: now,
  });
}
