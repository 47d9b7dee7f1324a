import { z } from 'zod';
import { stepUpSchema } from '../accounts/step-up.js';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A redirect URL: absolute https, or http on a loopback host for local development; no fragment. */
export const redirectUriSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      const secure =
        url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
      return secure && url.hash === '' && !url.hostname.includes('*');
    } catch {
      return false;
    }
  }, 'must be an https URL (http only on localhost) without a fragment or wildcard');

/** App names show on the hosted login; "Portcullis" is the console's, so no app may look like it. */
export const appNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((name) => name.toLowerCase() !== 'portcullis', 'is reserved for the console');

export const createAppBody = z.object({
  name: appNameSchema,
  redirectUris: z.array(redirectUriSchema).min(1).max(20),
  postLogoutRedirectUris: z.array(redirectUriSchema).max(20).default([]),
  clientType: z.enum(['confidential', 'public']).default('confidential'),
  signupEnabled: z.boolean().default(true),
});

export const updateAppBody = z.object({
  name: appNameSchema.optional(),
  redirectUris: z.array(redirectUriSchema).min(1).max(20).optional(),
  postLogoutRedirectUris: z.array(redirectUriSchema).max(20).optional(),
  signupEnabled: z.boolean().optional(),
  stepUp: stepUpSchema,
});

export const settingsBody = z.object({
  mfaPolicy: z.enum(['optional', 'on']),
  rememberMode: z.enum(['always', 'userOptIn', 'no']),
  rememberDays: z.number().int().min(1).max(365),
  stepUp: stepUpSchema,
});

export const stepUpBody = z.object({ stepUp: stepUpSchema });

export const createApiKeyBody = z.object({
  name: z.string().trim().min(1).max(64),
  stepUp: stepUpSchema,
});

export const userListQuery = z.object({
  query: z.string().max(254).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
