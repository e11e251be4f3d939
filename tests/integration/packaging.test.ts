// Issue 12, "The Electron shell": the packaged app's Electron Fuses (resources/electron-builder.json,
// which `npm run package` passes to electron-builder with --config). Packaging downloads Electron,
// so it never runs here; this reads the config and holds each fuse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The sizes resources/generateIcons.ts writes. */
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const ROOT = join(__dirname, '../..');
const config = JSON.parse(readFileSync(join(ROOT, 'resources/electron-builder.json'), 'utf8')) as {
  asar?: boolean;
  mac?: { icon?: string };
  win?: { icon?: string };
  linux?: { icon?: string };
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

describe('the app icons (resources/generateIcons.ts makes them from resources/icon.svg)', () => {
  const png = (path: string) => {
    const data = readFileSync(join(ROOT, path));
    expect(data.subarray(1, 4).toString('ascii'), `${path} is a PNG`).toBe('PNG');
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  };
  it.each(PNG_SIZES)('has the %i px PNG the Linux packages use', (size) => {
    expect(png(`resources/icons/${size}x${size}.png`)).toEqual({ width: size, height: size });
  });
  it('has a .ico for Windows and an .icns for macOS, each holding its sizes, wired in the packaging config', () => {
    const ico = readFileSync(join(ROOT, 'resources/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 7]);
    const icns = readFileSync(join(ROOT, 'resources/icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    for (const type of ['icp4', 'ic07', 'ic08', 'ic10']) expect(icns.includes(Buffer.from(type, 'ascii')), type).toBe(true);
    expect(png('resources/icon.png')).toEqual({ width: 1024, height: 1024 });
    expect(config.mac?.icon).toBe('resources/icon.icns');
    expect(config.win?.icon).toBe('resources/icon.ico');
    expect(config.linux?.icon).toBe('resources/icons');
  });
});
