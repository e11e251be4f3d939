import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { contract, isChannel } from '../../shared/contract';
import { describeIssues } from '../../shared/contract/refine';
import type { InputIssue, Result, RpcError } from '../../shared/rpc';
import type { Context } from './context';
import { CoreError } from './errors';
import { handlers } from './handlers';
import type { Dispatch } from './handlerTypes';

export type { Dispatch };

const fail = (error: RpcError): Result<never> => ({ ok: false, error });

export function toIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** SQLite's constraint errors, in words a user can act on. */
function fromSqlite(error: { code?: string; message: string }): RpcError | undefined {
  const unique = /UNIQUE constraint failed: (\w+)\.(\w+)/.exec(error.message);
  if (unique) return { code: 'CONFLICT', message: `another row of ${unique[1]} already has this ${unique[2]}` };
  if (error.code === 'SQLITE_CONSTRAINT_CHECK') return { code: 'BAD_INPUT', message: `a value is out of range (${error.message})` };
  if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { code: 'NOT_FOUND', message: 'a referenced row does not exist' };
  // Another process held the write lock past busy_timeout: retryable, not a fault (the core host names the other job).
  if (error.code?.startsWith('SQLITE_BUSY')) return { code: 'BUSY', message: 'the workspace is busy: another program is writing to it; try again when it has finished' };
  return undefined;
}

/** How deep an input may nest: deeper than any contract goes, shallow enough that no walk overflows the stack. */
const MAX_DEPTH = 64;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null);

/**
 * Keys whose value is `undefined` are dropped, at every depth, before the schema sees the input.
 * Why absent rather than BAD_INPUT: the HTTP bridge's JSON already drops them (JSON.stringify
 * omits undefined), while Electron's IPC structured clone keeps them; treating them as absent
 * makes one call mean the same over both transports, and `{ name: undefined }` from a form is what
 * the user meant by leaving a field alone. A handler then never meets a present-but-undefined
 * field that its schema let through (settings.update replaced a group with undefined: INTERNAL).
 * The copy keeps `__proto__` as a plain own key (Object.fromEntries), which strict schemas refuse.
 * Returns undefined when the input nests deeper than MAX_DEPTH.
 */
export function withoutUndefined(value: unknown, depth = 0): { value: unknown } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const copy = withoutUndefined(item, depth + 1);
      if (!copy) return undefined;
      items.push(copy.value);
    }
    return { value: items };
  }
  if (!isPlainObject(value)) return { value };
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const copy = withoutUndefined(item, depth + 1);
    if (!copy) return undefined;
    entries.push([key, copy.value]);
  }
  return { value: Object.fromEntries(entries) };
}

/** 8 hex characters: enough to find one failure in a log, nothing about its cause. */
const newErrorId = () => randomBytes(4).toString('hex');

/**
 * The one door into the core: unknown channels are refused, input is validated by the channel's
 * schema, and nothing throws across it. With `checkOutputs` (tests) outputs are validated too.
 */
export function createDispatch(ctx: Context, options: { checkOutputs?: boolean } = {}): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return fail({ code: 'UNKNOWN_CHANNEL', message: `unknown channel '${channel}'` });
    const cleaned = withoutUndefined(input ?? {});
    if (!cleaned) return fail({ code: 'BAD_INPUT', message: `the input is nested deeper than ${MAX_DEPTH} levels` });
    const parsed = contract[channel].input.safeParse(cleaned.value);
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      return fail({ code: 'BAD_INPUT', message: describeIssues(issues), issues });
    }
    try {
      const value = await handlers[channel](parsed.data, ctx);
      if (options.checkOutputs) {
        const checked = contract[channel].output.safeParse(value);
        if (!checked.success) throw new Error(`${channel} returned an invalid value: ${describeIssues(toIssues(checked.error))}`);
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof CoreError) return fail({ code: error.code, message: error.message, issues: error.issues });
      const sqlite = fromSqlite(error as { code?: string; message: string });
      if (sqlite) return fail(sqlite);
      // The raw text (SQL, file paths, stack) is for the log; the caller gets a short message and
      // the id that finds it there.
      const errorId = newErrorId();
      ctx.log('error', `${channel} failed [error ${errorId}]: ${error instanceof Error ? error.message : String(error)}`, error);
      return fail({ code: 'INTERNAL', message: `${channel} failed unexpectedly (error ${errorId}); the details are in Fulcrum's log`, errorId });
    }
  };
}
