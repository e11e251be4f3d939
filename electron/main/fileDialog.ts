// Pure rules of the desktop app's file dialogs (issue 12): what the dialog for a purpose looks like,
// and what comes back. No 'electron' here, so they are unit-tested; fileDialogs.ts shows the dialog.
import { basename, join } from 'node:path';
import { FILE_PURPOSES, chooseFileInput, type ChooseFileOutput } from '../../shared/fileChoice';
import type { Result } from '../../shared/rpc';
import type { FileMode } from '../core/lib/filePolicy';

export interface DialogRequest {
  kind: 'open' | 'save';
  mode: FileMode;
  title: string;
  /** Save dialogs: the suggested file in the user's documents folder. */
  defaultPath?: string;
  filters: { name: string; extensions: string[] }[];
}

/** The dialog to show for a renderer's request, or BAD_INPUT. */
export function dialogRequest(input: unknown, documents: string): Result<DialogRequest> {
  const parsed = chooseFileInput.safeParse(input ?? {});
  if (!parsed.success)
    return { ok: false, error: { code: 'BAD_INPUT', message: `host.chooseFile: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}` } };
  const purpose = FILE_PURPOSES[parsed.data.purpose];
  const filters = [
    { name: purpose.filter, extensions: [...purpose.extensions] },
    { name: 'All files', extensions: ['*'] },
  ];
  // Only a name, never a folder, comes from the renderer.
  const name = parsed.data.defaultName ? basename(parsed.data.defaultName.replace(/\\/g, '/')).replace(/[\0-\x1f]/g, '') : '';
  const request: DialogRequest = { kind: purpose.mode === 'read' ? 'open' : 'save', mode: purpose.mode, title: purpose.title, filters };
  if (request.kind === 'save' && name && name !== '.' && name !== '..') request.defaultPath = join(documents, name);
  return { ok: true, value: request };
}

/** What the renderer gets for the dialog's answer: a grant for the one chosen file, or null. */
export function chosenFile(request: DialogRequest, chosen: string | undefined, grant: (path: string, mode: FileMode) => string): ChooseFileOutput {
  if (!chosen) return null;
  return { grant: grant(chosen, request.mode), name: basename(chosen) };
}
