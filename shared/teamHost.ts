import { z } from 'zod';

// The team server's connection as the hosts keep it (issue 19): the desktop shell in the OS keychain
// through Electron's safeStorage, `npm run web` in its memory. The renderer hands a connection
// string over once, as the user typed it, when creating or joining a team, and never gets it back:
// "Sync now" and the periodic sync ask the host, which adds the server it keeps and calls
// `team.sync` on the core. These channels are answered by the host before the core
// (electron/core/team/schedule.ts); the core does not know them.

export const TEAM_HOST = {
  status: 'host.team.status',
  create: 'host.team.create',
  join: 'host.team.join',
  sync: 'host.team.sync',
  /** Keeps a connection for the open workspace's team (made elsewhere, or forgotten), checked by a sync. */
  connect: 'host.team.connect',
  forget: 'host.team.forget',
  schedule: 'host.team.schedule',
  /** The team's members (team.members with the kept server); every member reads them. */
  members: 'host.team.members',
  /** Adds a member (team.addMember with the kept server): only the team's admin may. */
  addMember: 'host.team.addMember',
} as const;

/** Where the server's password may be kept: the OS keychain, Electron's fixed key (Linux without a keyring), or nowhere but memory. */
export const KEYRINGS = ['os', 'basic_text', 'none'] as const;
export type Keyring = (typeof KEYRINGS)[number];

const server = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, { message: 'the server must be a postgres:// connection string' });

export const teamConnectInput = z.strictObject({
  server,
  /** `keychain`: kept for the next start; `session`: kept until Fulcrum quits, then its password is asked again. */
  keep: z.enum(['keychain', 'session']),
  /** Where the keychain is Electron's fixed key (basic_text), keeping needs the user's yes. */
  plainTextOk: z.boolean().optional(),
});
export type TeamConnectInput = z.infer<typeof teamConnectInput>;

/** Sync now; `password` when the host keeps the server without it (kept for this session only, or never asked yet). */
export const teamSyncInput = z.strictObject({ password: z.string().min(1).max(1000).optional() });

export const teamScheduleInput = z.strictObject({
  /** Minutes between background syncs; 0 turns them off (sync on open and on demand only). */
  minutes: z.number().int().min(0).max(1440),
});

export interface TeamHostStatus {
  keyring: Keyring;
  /** The kept connection of the open workspace's team, its password never shown. */
  connection: { address: string; kept: 'keychain' | 'session'; needsPassword: boolean } | null;
  minutes: number;
  /** When the next background sync is due (ISO), if one is scheduled. */
  nextSyncAt: string | null;
  syncing: boolean;
}

/** A new member as the Team screen sends it: the host adds the server it keeps (the contract's team.addMember checks the rest). */
export const teamAddMemberInput = z.strictObject({
  login: z.string().trim().min(1, 'login must not be empty').max(63),
  displayName: z.string().trim().min(1, 'displayName must not be empty').max(200),
  role: z.enum(['csm', 'marketing', 'manager']),
  password: z.string().min(8, 'password must be at least 8 characters').max(200),
});
export type TeamAddMemberInput = z.infer<typeof teamAddMemberInput>;

export const DEFAULT_SYNC_MINUTES = 5;
