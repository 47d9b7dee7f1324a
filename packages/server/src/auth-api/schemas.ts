import { z } from 'zod';

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code, e.g. `mfa_code_invalid`'),
      message: z.string().describe('What failed and what to do next'),
    }),
  })
  .describe('Error');

export const userIdParams = z.object({
  user_id: z.string().min(1).max(100).describe('Id of a user of the API key\u2019s app'),
});

export const user = z.object({
  id: z.string(),
  email: z.string(),
  created_at: z.number().int().describe('Epoch milliseconds'),
  mfa_enabled: z.boolean().describe('Whether the user has a confirmed authenticator'),
});

export const createUserBody = z.object({
  email: z.string().max(254).describe('Email address, unique within the app'),
  password: z.string().max(1024).describe('At least 10 characters'),
});

export const listUsersQuery = z.object({
  email: z.string().max(254).optional().describe('Only users whose email contains this text'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const userList = z.object({ users: z.array(user), total_count: z.number().int() });

export const accessTokenField = z
  .string()
  .min(1)
  .max(4096)
  .describe('The user\u2019s access token from sign-in; it must belong to this app and user');

export const verificationCodeField = z
  .string()
  .min(1)
  .max(32)
  .describe('The current 6-digit code from the user\u2019s authenticator app');

export const mfaPreference = z.object({
  enabled: z.boolean(),
  method: z.literal('softwareToken'),
});

export const updateMfaPreferenceBody = z.object({
  enabled: z.boolean(),
  method: z.literal('softwareToken').default('softwareToken'),
  access_token: accessTokenField.optional().describe('Required to turn MFA off'),
  verification_code: verificationCodeField.optional().describe('Required to turn MFA off'),
});

export const secretCodeBody = z.object({
  access_token: accessTokenField,
  verification_code: verificationCodeField
    .optional()
    .describe(
      'A current code from an authenticator the user already has; required when MFA is on, ' +
        'so that a new authenticator cannot be added with the access token alone',
    ),
});

export const secretCode = z.object({
  secret_code: z.string().describe('Base32 TOTP secret for manual entry'),
  otpauth_uri: z.string().describe('otpauth:// URI to show as a QR code'),
});

export const softwareTokenBody = z.object({
  access_token: accessTokenField,
  verification_code: verificationCodeField,
});

export const resetMfaBody = z.object({
  reason: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe('Why the MFA is reset; kept in the audit trail'),
});

export const signInSettings = z.object({
  mfa_configuration: z.object({
    mfa_configuration: z
      .enum(['optional', 'on'])
      .describe(
        '`optional`: users turn MFA on; `on`: users without an authenticator enrol at next sign-in',
      ),
  }),
  device_configuration: z.object({
    device_remembering: z
      .enum(['always', 'userOptIn', 'no'])
      .describe('Always Remember, User Opt-in or Don\u2019t Remember trusted devices'),
    remember_days: z.number().int().min(1).max(365).describe('Days a device stays trusted'),
  }),
  self_sign_up: z.object({
    enable: z.boolean().describe('Whether the hosted login offers sign-up'),
  }),
});

export const updateSignInSettingsBody = z.object({
  mfa_configuration: signInSettings.shape.mfa_configuration.optional(),
  device_configuration: z
    .object({
      device_remembering:
        signInSettings.shape.device_configuration.shape.device_remembering.optional(),
      remember_days: signInSettings.shape.device_configuration.shape.remember_days.optional(),
    })
    .optional(),
  self_sign_up: signInSettings.shape.self_sign_up.optional(),
});

export const setPasswordBody = z.object({
  password: z.string().max(1024).describe('The new password, at least 10 characters'),
});

export const deviceIdParams = userIdParams.extend({
  device_id: z.string().min(1).max(100).describe('Id of one trusted device'),
});

export const trustedDevice = z.object({
  id: z.string(),
  description: z.string().describe('Browser and OS in words, e.g. "Chrome 156 on Linux"'),
  created_at: z.number().int().describe('When the device was remembered, epoch milliseconds'),
  last_used_at: z.number().int().describe('Last sign-in that skipped the code, epoch milliseconds'),
  expires_at: z.number().int().describe('When the trust ends, epoch milliseconds'),
});

export const trustedDeviceList = z.object({ devices: z.array(trustedDevice) });
