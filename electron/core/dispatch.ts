import type { z } from 'zod';
import { contract, isChannel } from '../../shared/contract';
import { describeIssues } from '../../shared/contract/refine';
import type { InputIssue, Result, RpcError } from '../../shared/rpc';
import type { Context } from './context';
import { CoreError } from './errors';
import { handlers } from './handlers';

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

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
  return undefined;
}

/**
 * The one door into the core: unknown channels are refused, input is validated by the channel's
 * schema, and nothing throws across it. With `checkOutputs` (tests) outputs are validated too.
 */
export function createDispatch(ctx: Context, options: { checkOutputs?: boolean } = {}): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return fail({ code: 'UNKNOWN_CHANNEL', message: `unknown channel '${channel}'` });
    const parsed = contract[channel].input.safeParse(input ?? {});
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
      ctx.log('error', `${channel} failed`, error);
      return fail({ code: 'INTERNAL', message: `${channel} failed: ${(error as Error).message}` });
    }
  };
}
