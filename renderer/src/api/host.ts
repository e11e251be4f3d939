import { CHOOSE_FILE_CHANNEL, type ChooseFileOutput, type FilePurpose } from '../../../shared/fileChoice';
import { ApiError } from './client';
import { send } from './transport';

/** Is this the desktop app (the Electron preload's bridge), where the shell shows native file dialogs? */
export const hasFileDialogs = (): boolean => Boolean(window.fulcrum);

/**
 * The desktop app's native open or save dialog for a purpose (shared/fileChoice.ts): a grant for the
 * chosen file, to pass where a channel takes a file, or null when the user cancelled. The renderer
 * never names a path: the core takes only grants over IPC (issue 12).
 */
export async function chooseFile(purpose: FilePurpose, defaultName?: string): Promise<ChooseFileOutput> {
  const result = await send(CHOOSE_FILE_CHANNEL, defaultName ? { purpose, defaultName } : { purpose });
  if (!result.ok) throw new ApiError(result.error);
  return result.value as ChooseFileOutput;
}
