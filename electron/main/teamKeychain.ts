// The team server's connection strings in the OS keychain (issue 19), without 'electron' so it is
// unit-tested in plain Node: Electron's safeStorage and the file are injected (teamSync.ts passes
// the real ones). The ciphertext is kept per team id in userData/team.json, the app's own settings,
// never in a workspace. A connection kept for the session only stores its address without the
// password (nothing secret), so the next start asks for the password alone.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Keyring } from '../../shared/teamHost';
import type { ConnectionStore, KeptConnection } from '../core/team/connection';

/** The part of Electron's safeStorage used here. */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' when no keyring was found (a fixed key), else the keyring's name. */
  getSelectedStorageBackend?(): string;
}

type Entry = { kept: 'keychain'; cipher: string } | { kept: 'session'; address: string };
interface TeamFile {
  connections: Record<string, Entry>;
  minutes?: number;
}

/** Whatever is in the file (missing, not JSON, hand-edited), a valid TeamFile. */
export function parseTeamFile(text: string | undefined): TeamFile {
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    raw = {};
  }
  const file: TeamFile = { connections: {} };
  if (typeof raw !== 'object' || raw === null) return file;
  const { connections, minutes } = raw as { connections?: unknown; minutes?: unknown };
  if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 && minutes <= 1440) file.minutes = minutes;
  if (typeof connections === 'object' && connections !== null) {
    for (const [teamId, entry] of Object.entries(connections as Record<string, unknown>)) {
      const e = entry as Partial<Record<string, unknown>> | null;
      if (e?.kept === 'keychain' && typeof e.cipher === 'string') file.connections[teamId] = { kept: 'keychain', cipher: e.cipher };
      else if (e?.kept === 'session' && typeof e.address === 'string') file.connections[teamId] = { kept: 'session', address: e.address };
    }
  }
  return file;
}

/** What the system offers: an OS keyring, Electron's fixed key on Linux without one (basic_text), or nothing. */
export function keyringOf(safeStorage: SafeStorage, platform: NodeJS.Platform): Keyring {
  if (!safeStorage.isEncryptionAvailable()) return 'none';
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') return 'basic_text';
  }
  return 'os';
}

export interface FileIo {
  read(): string | undefined;
  write(text: string): void;
}

/** userData/team.json, written to a temporary file and renamed (a crash never leaves half of it). */
export function teamFileIo(path: string): FileIo {
  return {
    read: () => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    write: (text) => {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, text, { encoding: 'utf8', mode: 0o600 });
      renameSync(temporary, path);
    },
  };
}

export function keychainStore(safeStorage: SafeStorage, io: FileIo, platform: NodeJS.Platform = process.platform): ConnectionStore {
  const read = () => parseTeamFile(io.read());
  const write = (file: TeamFile) => io.write(`${JSON.stringify(file, null, 2)}\n`);
  return {
    keyring: () => keyringOf(safeStorage, platform),
    load(teamId): KeptConnection | undefined {
      const entry = read().connections[teamId];
      if (!entry) return undefined;
      if (entry.kept === 'session') return entry;
      try {
        return { kept: 'keychain', server: safeStorage.decryptString(Buffer.from(entry.cipher, 'base64')) };
      } catch {
        // Another user's or machine's keychain (the file was copied): as if nothing were kept.
        return undefined;
      }
    },
    save(teamId, connection) {
      const file = read();
      if (connection.kept === 'keychain') {
        if (!safeStorage.isEncryptionAvailable()) throw new Error('this system offers no keychain to keep the password in');
        file.connections[teamId] = { kept: 'keychain', cipher: safeStorage.encryptString(connection.server).toString('base64') };
      } else file.connections[teamId] = { kept: 'session', address: connection.address };
      write(file);
    },
    remove(teamId) {
      const file = read();
      delete file.connections[teamId];
      write(file);
    },
    minutes: () => read().minutes,
    setMinutes(minutes) {
      write({ ...read(), minutes });
    },
  };
}
