// The file policy inside the core host, made from its FileSpec. The desktop's grants are made by the
// main process (it owns the dialogs) and registered here by message before the renderer gets the
// token: each is kept as a grant of lib/filePolicy.ts's own policy (same single use, modes and expiry)
// under the main process's token.
import { folderPolicy, grantPolicy, noFiles, plainPaths, type FileMode, type FilePolicy } from '../lib/filePolicy';
import type { FileSpec } from './protocol';

export interface HostedPolicy {
  policy: FilePolicy;
  /** Registers the host's token for a chosen file (grants only; elsewhere ignored). */
  register(token: string, path: string, mode: FileMode): void;
  /** Forgets one token, or all. */
  revoke(token?: string): void;
}

export function hostedPolicy(spec: FileSpec = { kind: 'none' }): HostedPolicy {
  if (spec.kind !== 'grants') {
    const policy = spec.kind === 'paths' ? plainPaths() : spec.kind === 'folders' ? folderPolicy(spec.folders) : noFiles();
    return { policy, register() {}, revoke() {} };
  }
  const inner = grantPolicy();
  // The host's token -> the inner policy's own token for the same file and mode.
  const tokens = new Map<string, string>();
  const own = (reference: string) => tokens.get(reference) ?? reference;
  return {
    policy: {
      kind: 'grants',
      resolve: (reference, mode) => inner.resolve(own(reference), mode),
      spend: (reference) => inner.spend(own(reference)),
    },
    register(token, path, mode) {
      tokens.set(token, inner.grant(path, mode));
    },
    revoke(token) {
      if (token === undefined) {
        tokens.clear();
        inner.clear();
      } else {
        const mine = tokens.get(token);
        tokens.delete(token);
        if (mine) inner.spend(mine);
      }
    },
  };
}
