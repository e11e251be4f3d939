import { z } from 'zod';

// The team workspace (issue 19, docs/team.md). The server's connection string passes through the
// call and is never stored in the workspace (the CLI reads it from --server or FULCRUM_TEAM_SERVER;
// the app will keep it in the OS keychain).

const server = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, { message: 'server must be a postgres:// connection string' });

/** Why a change did not land as made (docs/team.md "Push, pull and merge"). */
export const CONFLICT_KINDS = ['superseded', 'transition', 'unique', 'budget', 'rejected'] as const;

const conflict = z.object({
  id: z.number().int(),
  table: z.string(),
  gid: z.string(),
  /** The field that conflicted; null when the whole change was refused. */
  field: z.string().nullable(),
  kind: z.enum(CONFLICT_KINDS),
  /** This laptop's value (JSON text) or the server's reason for a refusal. */
  localValue: z.string().nullable(),
  remoteValue: z.string().nullable(),
  localHlc: z.string().nullable(),
  remoteHlc: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

const counts = z.object({ tables: z.number().int(), rows: z.number().int() });

export const teamContract = {
  /** `fulcrum team init`: creates the team's schema on the server and uploads this workspace's shared rows. */
  'team.create': {
    input: z.strictObject({ server }),
    output: counts.extend({ teamId: z.string(), clientId: z.string(), hubSchemaVersion: z.number().int(), seq: z.number().int() }),
  },
  /** `fulcrum team join`: fills this new, empty workspace from the team's server. */
  'team.join': {
    input: z.strictObject({ server }),
    output: counts.extend({ teamId: z.string(), clientId: z.string(), seq: z.number().int() }),
  },
  /** Pushes this laptop's changes (exactly once) and pulls everyone else's from the cursor. */
  'team.sync': {
    input: z.strictObject({ server }),
    output: z.object({ pushed: z.number().int(), rejected: z.number().int(), pulled: z.number().int(), pending: z.number().int() }),
  },
  /** Whether this workspace is in a team, its pending changes and, on request, a content hash per shared table. */
  'team.info': {
    input: z.strictObject({ hashes: z.boolean().optional() }),
    output: z.object({
      inTeam: z.boolean(),
      teamId: z.string().nullable(),
      clientId: z.string().nullable(),
      pendingChanges: z.number().int(),
      lastPulledSeq: z.number().int().nullable(),
      hashes: z.record(z.string(), z.string()).optional(),
    }),
  },
  /** The conflicts list: changes that lost a merge, broke a rule on merge, or were refused by the server. */
  'team.conflicts': {
    input: z.strictObject({ includeResolved: z.boolean().optional() }),
    output: z.object({ conflicts: z.array(conflict) }),
  },
  /** Resolves one conflict: `keep` accepts the merged value; `reverse` writes the losing value back as a new local change. */
  'team.conflicts.resolve': {
    input: z.strictObject({ id: z.number().int().positive(), action: z.enum(['keep', 'reverse']) }),
    output: conflict,
  },
} as const;
