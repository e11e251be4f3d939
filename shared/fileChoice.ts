import { z } from 'zod';

// The desktop app's file dialogs (issue 12, file policy). The renderer never names a path: it asks
// the shell to show a native dialog for a purpose, and gets back an opaque grant for the chosen
// file (or null when the user cancelled), which it passes where a channel takes a file. The shell
// answers this channel itself (electron/main/fileDialogs.ts); the core and the HTTP bridge do not
// know it, so the browser build uses downloads and staged uploads instead.

export const CHOOSE_FILE_CHANNEL = 'host.chooseFile';

/** What each purpose opens or saves: the grant's mode, the dialog's title and file types. */
export const FILE_PURPOSES = {
  import: { mode: 'read', title: 'Choose a file to import', filter: 'CSV or Excel', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
  archive: { mode: 'read', title: 'Choose a workspace archive to import', filter: 'Fulcrum archive', extensions: ['json'] },
  'export-csv': { mode: 'write', title: 'Export as CSV', filter: 'CSV', extensions: ['csv'] },
  'export-xlsx': { mode: 'write', title: 'Export as Excel', filter: 'Excel', extensions: ['xlsx'] },
  'export-archive': { mode: 'write', title: 'Export the workspace archive', filter: 'Fulcrum archive', extensions: ['json'] },
  backup: { mode: 'write', title: 'Back up to a file', filter: 'Fulcrum workspace', extensions: ['fulcrum'] },
} as const;
export type FilePurpose = keyof typeof FILE_PURPOSES;

export const chooseFileInput = z.strictObject({
  purpose: z.enum(Object.keys(FILE_PURPOSES) as [FilePurpose, ...FilePurpose[]]),
  /** A suggested file name (a save dialog's default); only its last segment is used. */
  defaultName: z.string().min(1).max(200).optional(),
});
export type ChooseFileInput = z.infer<typeof chooseFileInput>;

/** `grant` goes where a channel takes a file; `name` is the chosen file's name, to show. */
export type ChooseFileOutput = { grant: string; name: string } | null;
