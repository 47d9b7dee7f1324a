import type { AppRow } from '../storage/apps.js';
import {
  type AuthApiDependencies,
  type AuthApiHelpers,
  errors,
  security,
  tags,
  type ZodApp,
} from './context.js';
import * as schemas from './schemas.js';

/** Registers the app\u2019s sign-in settings routes: MFA policy, remember mode, self sign-up. */
export function registerSettingsRoutes(
  app: ZodApp,
  deps: AuthApiDependencies,
  helpers: AuthApiHelpers,
) {
  const { appOf, contextOf } = helpers;

  const settingsOf = (appRow: AppRow) => ({
    mfa_configuration: { mfa_configuration: appRow.mfa_policy },
    device_configuration: {
      device_remembering: appRow.remember_mode,
      remember_days: appRow.remember_days,
    },
    self_sign_up: { enable: appRow.signup_enabled === 1 },
  });

  app.get(
    '/v1/auth/sign-in-settings',
    {
      schema: {
        tags,
        security,
        summary: 'Get the app\u2019s sign-in settings',
        response: { 200: schemas.signInSettings, ...errors(401, 429) },
      },
    },
    async (request) => settingsOf(appOf(request)),
  );

  app.put(
    '/v1/auth/sign-in-settings',
    {
      schema: {
        tags,
        security,
        summary: 'Change the app\u2019s sign-in settings',
        description: 'Fields left out keep their values.',
        body: schemas.updateSignInSettingsBody,
        response: { 200: schemas.signInSettings, ...errors(400, 401, 429) },
      },
    },
    async (request) => {
      const current = appOf(request);
      const body = request.body;
      await deps.apps.updateSettings(contextOf(request), current, {
        mfaPolicy: body.mfa_configuration?.mfa_configuration ?? current.mfa_policy,
        rememberMode: body.device_configuration?.device_remembering ?? current.remember_mode,
        rememberDays: body.device_configuration?.remember_days ?? current.remember_days,
      });
      if (body.self_sign_up !== undefined) {
        await deps.apps.update(current, { signupEnabled: body.self_sign_up.enable });
      }
      const updated = (await deps.repositories.apps.findById(current.id)) ?? current;
      return settingsOf(updated);
    },
  );
}
