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
  /** The record in words (its name, title or subject on this laptop); null when it is not here (deleted, or never made here). */
  label: z.string().nullable(),
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

/** The last sync's time and outcome (team_state, never the server's address or password). */
const lastSync = z.object({
  at: z.string(),
  ok: z.boolean(),
  pushed: z.number().int(),
  rejected: z.number().int(),
  pulled: z.number().int(),
  /** A failed sync: what went wrong, by the core's error code (UNAVAILABLE, FORBIDDEN, CONFLICT…). */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

/** A member's role on the team server (docs/team.md "Roles"). */
export const MEMBER_ROLES = ['csm', 'marketing', 'manager'] as const;
const member = z.object({ login: z.string(), displayName: z.string(), role: z.enum(MEMBER_ROLES) });

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
    /** `quiet`: the hosts' periodic sync, not a job (no bar, no Cancel); a manual sync reports jobs.progress and stops on jobs.cancel between batches. */
    input: z.strictObject({ server, quiet: z.boolean().optional() }),
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
      // The sync state the Team screen shows (issue 19, C): additive.
      /** How this laptop came into the team: it created it, or joined it. */
      joinedAs: z.enum(['creator', 'member']).nullable(),
      joinedAt: z.string().nullable(),
      /** The login's role on the team server as of the last good sync (`admin`: the team's admin login, not a member). */
      role: z.enum(['csm', 'marketing', 'manager', 'admin']).nullable(),
      /** The member's display name on the server (owner fields use it), as of the last good sync. */
      member: z.string().nullable(),
      lastSync: lastSync.nullable(),
      /** A sync of this workspace is running now: since when. */
      syncingSince: z.string().nullable(),
      openConflicts: z.number().int(),
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
  /** The team's members, from the server (issue 19, E): the Team screen's list. */
  'team.members': {
    input: z.strictObject({ server }),
    output: z.object({ members: z.array(member) }),
  },
  /** Adds a member: a login role on the server in the role's group and its team.members row. Only the team's admin (the login that created the team). */
  'team.addMember': {
    input: z.strictObject({
      server,
      login: z
        .string()
        .trim()
        .regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'login must be lower-case letters, digits or _, starting with a letter or _ (at most 63)' }),
      displayName: z.string().trim().min(1, 'displayName must not be empty').max(200),
      role: z.enum(MEMBER_ROLES),
      password: z.string().min(8, 'password must be at least 8 characters').max(200),
    }),
    output: member,
  },
  /** Shares one assessment and everything under it with the team (they never leave the laptop otherwise). */
  'team.shareAssessment': {
    input: z.strictObject({ id: z.number().int().positive() }),
    output: z.object({ assessmentId: z.number().int(), rows: z.number().int(), alreadyShared: z.boolean() }),
  },
  /** Whether this workspace is in a team and this assessment is shared with it (the assessment screen's Share button). */
  'team.assessmentSharing': {
    input: z.strictObject({ id: z.number().int().positive() }),
    output: z.object({ inTeam: z.boolean(), shared: z.boolean() }),
  },
} as const;
