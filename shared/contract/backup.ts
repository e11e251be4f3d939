import { z } from 'zod';

// Backup (issue 4): SQLite's online backup of the open workspace, on demand, on a schedule the host
// runs (keeping the last N) and before every migration; restore after the user confirmed.

/** `id` is the backup's file name in the workspace's backups folder: what `backup.restore` takes. */
export const backupFile = z.object({ id: z.string(), path: z.string(), bytes: z.number().int(), createdAt: z.string(), kind: z.string() });
export type BackupFile = z.infer<typeof backupFile>;

export const backupContract = {
  'backup.create': {
    /**
     * Into the workspace's backups folder (`<name>.backups/` beside it) when no path is given; a
     * path is a file to write as the host's file policy takes it (a path in the CLI, a write grant
     * in the desktop app, a new file in the bridge's folders).
     */
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
    /**
     * `id`: a backup of `backup.list`, by its file name in the backups folder (never a path, so no
     * caller can restore an arbitrary file). `confirm: true` is the caller's promise that the user
     * agreed to replace the workspace.
     */
    input: z.strictObject({ id: z.string().min(1).max(300), confirm: z.literal(true) }),
    output: z.object({ restoredFrom: z.string(), previousKeptAt: z.string(), tables: z.number().int() }),
  },
} as const;
