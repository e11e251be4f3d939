import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who may drive the core over the bridge: whoever opened the launch address printed at start.
 *
 * A per-launch secret (32 random bytes, base64url) travels once, in the launch address; opening it
 * exchanges it for an HttpOnly, SameSite=Strict cookie and redirects to `/`. The page and its
 * assets carry no secret (any local process may fetch them); every `/rpc/*` and `/events` call
 * must bring the cookie. Cookies are shared by every port of a host, so the cookie's name carries
 * the port: two bridges on one machine do not overwrite each other's.
 */
export interface Session {
  /** The path and query of the launch address, e.g. `/launch?token=…`. */
  readonly launchPath: string;
  /** The name of the session cookie for a bridge on `port`. */
  cookieName(port: number): string;
  /** The Set-Cookie header value that admits a browser to the bridge on `port`. */
  setCookie(port: number): string;
  /** Whether a launch address's token is this launch's, in constant time. */
  isToken(candidate: string | null | undefined): boolean;
  /** Whether a request's Cookie header carries this launch's session cookie for `port`. */
  admits(cookieHeader: string | undefined, port: number): boolean;
}

export const LAUNCH_PATH = '/launch';

export function createSession(token = randomBytes(32).toString('base64url')): Session {
  const secret = Buffer.from(token, 'utf8');
  const isToken = (candidate: string | null | undefined): boolean => {
    if (typeof candidate !== 'string') return false;
    const given = Buffer.from(candidate, 'utf8');
    // timingSafeEqual needs equal lengths; the length of a guess says nothing about the secret.
    return given.length === secret.length && timingSafeEqual(given, secret);
  };
  const cookieName = (port: number) => `fulcrum-session-${port}`;
  return {
    launchPath: `${LAUNCH_PATH}?token=${token}`,
    cookieName,
    setCookie: (port) => `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    isToken,
    admits(cookieHeader, port) {
      if (!cookieHeader) return false;
      const name = cookieName(port);
      let admitted = false;
      // Every cookie of that name is compared (no early exit), so timing tells nothing either.
      for (const pair of cookieHeader.split(';')) {
        const at = pair.indexOf('=');
        if (at < 0 || pair.slice(0, at).trim() !== name) continue;
        if (isToken(pair.slice(at + 1).trim())) admitted = true;
      }
      return admitted;
    },
  };
}
