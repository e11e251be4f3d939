import { z } from 'zod';

// The team workspace (issue 19, docs/team.md). The server's connection string passes through the
// call and is never stored in the workspace (the CLI reads it from --server or FULCRUM_TEAM_SERVER;
// the app will keep it in the OS keychain).

const server = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, { message: 'server must be a postgres:// connection string' });

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
} as const;
