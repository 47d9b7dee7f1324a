import { z } from 'zod';
import type { AuditContext } from '../audit/service.js';
import { PortcullisError } from '../http/errors.js';
import type { MfaService } from '../mfa/service.js';
import type { AccountService } from './service.js';
import type { UserRow } from '../storage/users.js';

/** The proof a sensitive console request carries: a current code, or the password without MFA. */
export const stepUpSchema = z
  .object({ code: z.string().max(32).optional(), password: z.string().max(1024).optional() })
  .optional();

export type StepUpProof = z.infer<typeof stepUpSchema>;

/**
 * Checks a fresh proof of presence, whatever the session or a trusted device claims. An account
 * with MFA must give a current code (it counts towards the MFA lock like any other code); an
 * account without an authenticator gives its password.
 */
export async function verifyStepUp(
  mfa: MfaService,
  accounts: AccountService,
  context: AuditContext,
  user: UserRow,
  proof: StepUpProof,
): Promise<void> {
  const { enabled } = await mfa.status(user.id);
  if (enabled) {
    if (!proof?.code) throw new PortcullisError('step_up_required');
    await mfa.verifyCode(context, user, proof.code);
    return;
  }
  if (!proof?.password) throw new PortcullisError('step_up_required');
  await accounts.confirmPassword(context, user, proof.password);
}
