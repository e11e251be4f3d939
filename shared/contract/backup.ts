import { z } from 'zod';

// Backup (issue 4): SQLite's online backup of the open workspace, on demand, on a schedule the host
// runs (keeping the last N) and before every migration; restore after the user confirmed.

export const backupFile = z.object({ path: z.string(), bytes: z.number().int(), createdAt: z.string(), kind: z.string() });
export type BackupFile = z.infer<typeof backupFile>;

export const backupContract = {
  'backup.create': {
    /** Into the workspace's backups folder (`<name>.backups/` beside it) when no path is given. */
    input: z.strictObject({ path: z.string().min(1).optional() }),
    output: backupFile,
  },
  'backup.list': { input: z.strictObject({}), output: z.array(backupFile) },
  /** The host calls this on its timer: one backup, then only the newest `keep` scheduled ones are kept. */
  'backup.scheduled': { input: z.strictObject({}), output: z.object({ created: backupFile, removed: z.array(z.string()) }) },
  'backup.settings': {
    input: z.strictObject({ keep: z.number().int().min(1).max(1000).optional() }),
    output: z.object({ keep: z.number().int(), folder: z.string() }),
  },
  'backup.restore': {
    /** `confirm: true` is the caller's promise that the user agreed to replace the workspace. */
    input: z.strictObject({ path: z.string().min(1), confirm: z.literal(true) }),
    output: z.object({ restoredFrom: z.string(), previousKeptAt: z.string(), tables: z.number().int() }),
  },
} as const;
