import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { identity, type Identity } from '../../../shared/contract/identity';
import { CoreError } from '../errors';

/**
 * Who uses this laptop's Fulcrum, kept outside the workspace (which a team shares): a JSON file the
 * host names, or, without one, memory only (tests, hosts that keep no user). Infrastructure rather
 * than a domain because lower domains (accounts' "my accounts") read it; the identity domain owns
 * the channels that change it.
 */
export interface IdentityStore {
  get(): Identity | null;
  set(value: Identity): Identity;
  clear(): void;
  /** The file, or null when kept in memory. */
  readonly file: string | null;
}

/** `$XDG_CONFIG_HOME/fulcrum/identity.json`, else `~/.config/fulcrum/identity.json`: the bridge's and the CLI's place. */
export function defaultIdentityFile(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(base, 'fulcrum', 'identity.json');
}

export function memoryIdentityStore(): IdentityStore {
  let current: Identity | null = null;
  return {
    file: null,
    get: () => current,
    set: (value) => (current = value),
    clear: () => {
      current = null;
    },
  };
}

export function fileIdentityStore(file: string): IdentityStore {
  const read = (): Identity | null => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new CoreError('INTERNAL', `cannot read ${file}: ${(error as Error).message}`);
    }
    // A file edited by hand into nonsense is reported, not silently treated as "nobody".
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CoreError('BAD_INPUT', `${file} is not JSON: fix or delete it, then say who you are in Settings`);
    }
    const checked = identity.safeParse(parsed);
    if (!checked.success) throw new CoreError('BAD_INPUT', `${file} does not hold a name, e-mail and role: fix or delete it, then say who you are in Settings`);
    return checked.data;
  };
  return {
    file,
    get: read,
    set(value) {
      mkdirSync(dirname(file), { recursive: true });
      // Written beside and renamed over, so a crash never leaves half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, file);
      return value;
    },
    clear: () => rmSync(file, { force: true }),
  };
}
