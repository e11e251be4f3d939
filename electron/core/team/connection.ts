import type { Keyring } from '../../../shared/teamHost';

// How a host keeps a team's connection string (pure; the stores are the hosts': the desktop's
// keychain in electron/main/teamKeychain.ts, the browser build's memory). Never the workspace.

/** A kept connection: the whole string (encrypted by the store), or only its address, the password asked each session. */
export type KeptConnection = { kept: 'keychain'; server: string } | { kept: 'session'; address: string };

export interface ConnectionStore {
  keyring(): Keyring;
  load(teamId: string): KeptConnection | undefined;
  save(teamId: string, connection: KeptConnection): void;
  remove(teamId: string): void;
  /** The periodic sync's interval (a per-laptop setting), undefined when never set. */
  minutes(): number | undefined;
  setMinutes(minutes: number): void;
}

/** The connection string without its password: what is shown, and kept where nothing is encrypted. */
export function withoutPassword(server: string): string {
  try {
    const url = new URL(server);
    url.password = '';
    return url.toString();
  } catch {
    return 'a postgres:// connection string';
  }
}

/** The address with this session's password put in. */
export function withPassword(address: string, password: string): string {
  const url = new URL(address);
  url.password = password;
  return url.toString();
}

/** A store in memory: `npm run web` and the tests (nothing is kept past the process). */
export function memoryConnectionStore(keyring: Keyring = 'none'): ConnectionStore {
  const kept = new Map<string, KeptConnection>();
  let minutes: number | undefined;
  return {
    keyring: () => keyring,
    load: (teamId) => kept.get(teamId),
    save: (teamId, connection) => void kept.set(teamId, connection),
    remove: (teamId) => void kept.delete(teamId),
    minutes: () => minutes,
    setMinutes: (value) => void (minutes = value),
  };
}
