import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grantPolicy } from '../core/lib/filePolicy';
import { chosenFile, dialogRequest } from './fileDialog';

// The desktop app's file dialogs (issue 12): the renderer asks for a purpose, never a path, and gets
// a grant for the chosen file in the purpose's mode.
const documents = '/home/user/Documents';

describe('dialogRequest', () => {
  it('opens for reading and saves for writing, by purpose', () => {
    const open = dialogRequest({ purpose: 'import' }, documents);
    expect(open).toMatchObject({ ok: true, value: { kind: 'open', mode: 'read' } });
    const save = dialogRequest({ purpose: 'export-csv', defaultName: 'accounts.csv' }, documents);
    expect(save).toMatchObject({ ok: true, value: { kind: 'save', mode: 'write', defaultPath: join(documents, 'accounts.csv') } });
    expect(save.ok && save.value.filters[0]).toEqual({ name: 'CSV', extensions: ['csv'] });
  });

  it('takes only a name from the renderer, never a folder', () => {
    for (const defaultName of ['../../.bashrc', '/etc/passwd', 'C:\\Windows\\win.ini']) {
      const request = dialogRequest({ purpose: 'backup', defaultName }, documents);
      expect(request.ok && request.value.defaultPath?.startsWith(`${documents}/`)).toBe(true);
    }
    const dots = dialogRequest({ purpose: 'backup', defaultName: '..' }, documents);
    expect(dots.ok && dots.value.defaultPath).toBeUndefined();
  });

  it('refuses a path, an unknown purpose or extra keys', () => {
    for (const input of [{ path: '/etc/passwd' }, { purpose: 'anything' }, { purpose: 'import', path: '/etc/passwd' }, undefined, 'import']) {
      expect(dialogRequest(input, documents)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
  });
});

describe('chosenFile', () => {
  it('grants the chosen file in the mode of its dialog, and nothing when cancelled', () => {
    const grants = grantPolicy();
    const request = dialogRequest({ purpose: 'import' }, documents);
    if (!request.ok) throw new Error('unexpected');
    expect(chosenFile(request.value, undefined, grants.grant)).toBeNull();
    const chosen = chosenFile(request.value, '/home/user/tickets.csv', grants.grant);
    expect(chosen).toEqual({ grant: expect.stringMatching(/^grant:[0-9a-f]{32}$/), name: 'tickets.csv' });
    expect(grants.resolve(chosen!.grant, 'read')).toBe('/home/user/tickets.csv');
    expect(() => grants.resolve(chosen!.grant, 'write')).toThrow(/chosen to be read/);
    // Each dialog's grant is its own: two choices of the same file are two grants.
    expect(chosenFile(request.value, '/home/user/tickets.csv', grants.grant)!.grant).not.toBe(chosen!.grant);
  });
});
