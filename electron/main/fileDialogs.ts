// The desktop app's file dialogs: a host channel (answered in main, before the core) that shows the
// native open or save dialog and registers a grant for the chosen file with the core's file policy.
// The rules are in fileDialog.ts; this file only talks to Electron.
import { app, dialog, type BrowserWindow } from 'electron';
import { CHOOSE_FILE_CHANNEL } from '../../shared/fileChoice';
import type { Result } from '../../shared/rpc';
import type { GrantPolicy } from '../core';
import { chosenFile, dialogRequest } from './fileDialog';

export function fileDialogChannels(window: () => BrowserWindow | undefined, grants: Pick<GrantPolicy, 'grant'>) {
  return {
    [CHOOSE_FILE_CHANNEL]: async (input: unknown): Promise<Result<unknown>> => {
      const request = dialogRequest(input, app.getPath('documents'));
      if (!request.ok) return request;
      const { kind, title, defaultPath, filters } = request.value;
      const parent = window();
      let chosen: string | undefined;
      if (kind === 'open') {
        const options = { title, filters, properties: ['openFile' as const] };
        const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
        chosen = answer.canceled ? undefined : answer.filePaths[0];
      } else {
        const options = { title, defaultPath, filters };
        const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
        chosen = answer.canceled ? undefined : answer.filePath;
      }
      return { ok: true, value: chosenFile(request.value, chosen, grants.grant) };
    },
  };
}
