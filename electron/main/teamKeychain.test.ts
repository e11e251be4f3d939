import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainStore, keyringOf, parseTeamFile, teamFileIo, type SafeStorage } from './teamKeychain';

// Electron cannot run here: safeStorage is replaced by a reversible cipher with the same shape, and
// the file is a real one in a temporary folder. What is checked: the file holds ciphertext, never
// the password; basic_text is named as such; a copied file that cannot be decrypted keeps nothing.

function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorage {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).reverse().toString('hex')}`),
    decryptString: (encrypted) => {
      const text = encrypted.toString();
      if (!text.startsWith('enc:')) throw new Error('not ours');
      return Buffer.from(text.slice(4), 'hex').reverse().toString();
    },
    getSelectedStorageBackend: () => backend,
  };
}

const SERVER = 'postgres://mia:s3cret-pass@db.example.com:5432/team';

describe('the team keychain', () => {
  it('keeps the string encrypted per team id, outside any workspace, and reads it back', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fulcrum-keychain-')), 'team.json');
    const store = keychainStore(fakeSafeStorage(), teamFileIo(path), 'linux');
    expect(store.keyring()).toBe('os');
    store.save('team-1', { kept: 'keychain', server: SERVER });
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('s3cret-pass');
    expect(text).not.toContain('db.example.com');
    expect(store.load('team-1')).toEqual({ kept: 'keychain', server: SERVER });
    expect(store.load('team-2')).toBeUndefined();
    store.save('team-2', { kept: 'session', address: 'postgres://max@db.example.com:5432/team' });
    expect(store.load('team-2')).toEqual({ kept: 'session', address: 'postgres://max@db.example.com:5432/team' });
    store.setMinutes(15);
    expect(store.minutes()).toBe(15);
    store.remove('team-1');
    expect(store.load('team-1')).toBeUndefined();
    expect(store.load('team-2')).toBeDefined();
  });

  it('names Linux without a keyring (basic_text) and a system without encryption', () => {
    expect(keyringOf(fakeSafeStorage('basic_text'), 'linux')).toBe('basic_text');
    expect(keyringOf(fakeSafeStorage('kwallet5'), 'linux')).toBe('os');
    expect(keyringOf(fakeSafeStorage('basic_text'), 'darwin')).toBe('os');
    expect(keyringOf(fakeSafeStorage('gnome_libsecret', false), 'linux')).toBe('none');
  });

  it('a file it cannot decrypt (copied from another machine) or a hand-edited one keeps nothing, and does not throw', () => {
    let text: string | undefined = JSON.stringify({
      connections: { t: { kept: 'keychain', cipher: Buffer.from('garbage').toString('base64') }, u: { kept: 'nonsense' } },
      minutes: -3,
    });
    const store = keychainStore(fakeSafeStorage(), { read: () => text, write: (t) => void (text = t) }, 'linux');
    expect(store.load('t')).toBeUndefined();
    expect(store.load('u')).toBeUndefined();
    expect(store.minutes()).toBeUndefined();
    expect(parseTeamFile('not json')).toEqual({ connections: {} });
    expect(parseTeamFile(undefined)).toEqual({ connections: {} });
  });

  it('refuses to keep a string where nothing can encrypt it', () => {
    const store = keychainStore(fakeSafeStorage('x', false), { read: () => undefined, write: () => undefined }, 'linux');
    expect(() => store.save('t', { kept: 'keychain', server: SERVER })).toThrow(/no keychain/);
  });
});
