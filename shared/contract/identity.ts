import { z } from 'zod';
import { requiredText } from './common';

// "Who am I": the person using this laptop's Fulcrum. Kept per laptop in a JSON file the host names
// (createCore({ identityFile })), never in the workspace, which a team shares. In team mode the
// name maps to the user's PostgreSQL login (the team issue).

export const IDENTITY_ROLES = ['csm', 'reference_manager', 'consultant', 'leader', 'admin'] as const;
export const identityRole = z.enum(IDENTITY_ROLES);

export const identity = z.strictObject({
  name: requiredText(100),
  /** Optional; when given it must look like an address, so "my accounts" can match an owner written as an e-mail. */
  email: z
    .string()
    .trim()
    .max(200)
    .refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), 'must be an e-mail address such as dana@example.com, or empty')
    .default(''),
  role: identityRole,
});
export type Identity = z.infer<typeof identity>;

/**
 * Whether an account's owner is this person: the owner equals the identity's name or its e-mail,
 * ignoring case and surrounding spaces. The one rule for "my accounts" everywhere (list, dashboard).
 */
export function ownerKeys(who: Pick<Identity, 'name' | 'email'>): string[] {
  return [who.name, who.email].map((value) => value.trim().toLowerCase()).filter((value) => value !== '');
}

export const identityContract = {
  /** Null until the user has said who they are. */
  'identity.get': { input: z.strictObject({}), output: identity.nullable() },
  'identity.set': { input: identity, output: identity },
  /** Forget who this is (the file is removed). */
  'identity.clear': { input: z.strictObject({}), output: z.null() },
} as const;
