// Issue 12, "The Electron shell": the packaged app's Electron Fuses (resources/electron-builder.json,
// which `npm run package` passes to electron-builder with --config). Packaging downloads Electron,
// so it never runs here; this reads the config and holds each fuse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const config = JSON.parse(readFileSync(join(ROOT, 'resources/electron-builder.json'), 'utf8')) as {
  asar?: boolean;
  electronFuses?: Record<string, unknown>;
};

describe('the packaging config', () => {
  it.each([
    ['runAsNode', false, 'ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node'],
    ['enableNodeOptionsEnvironmentVariable', false, 'NODE_OPTIONS is ignored'],
    ['enableNodeCliInspectArguments', false, '--inspect and friends are ignored'],
    ['enableCookieEncryption', true, 'cookies are encrypted on disk'],
    ['enableEmbeddedAsarIntegrityValidation', true, 'app.asar is checked against its embedded hash'],
    ['onlyLoadAppFromAsar', true, 'the app is loaded from app.asar only'],
    ['grantFileProtocolExtraPrivileges', false, 'file:// gets no extra privileges (the renderer is on app://)'],
  ])('sets the %s fuse to %s: %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('packs the app into an asar archive (the integrity fuses need one), and npm run package uses this config', () => {
    expect(config.asar).toBe(true);
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.package).toContain('--config resources/electron-builder.json');
  });
});
