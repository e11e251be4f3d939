import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import { capacity, coverage, influence, programFigures } from './figures';
import { match } from './finder';
import { availability, candidates, readiness, standing } from './service';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import type { TeamBudgetsOf } from '../references/handlers';
import type { MatchResult } from '../../../shared/contract/leverage';

/** The finder's listed references with their team budget warnings (passed in by the handler table: team sits above leverage). */
function withTeamBudgets(result: MatchResult, teamBudgets: TeamBudgetsOf, sqlite: Context['sqlite'], now: Date): MatchResult {
  const budgets = teamBudgets(
    sqlite,
    [...result.ranked, ...result.excluded].map((r) => r.referenceId),
    now,
  );
  if (budgets.size === 0) return result;
  const warned = <T extends { referenceId: number }>(r: T) => ({ ...r, teamBudget: budgets.get(r.referenceId) ?? null });
  return { ...result, ranked: result.ranked.map(warned), excluded: result.excluded.map(warned) };
}
const noTeamBudgets: TeamBudgetsOf = () => new Map();

// Read-only channels: each runs while holding the connection, so it never reads half of another
// channel's write. Writes that change these figures (requests, consents, stages) emit their own
// domain's events; the screens listen to those.
export const leverageHandlers = (teamBudgets: TeamBudgetsOf = noTeamBudgets) =>
  ({
    'leverage.readiness': (input: ParsedInput<'leverage.readiness'>, ctx: Context) => exclusive(ctx, (sqlite) => readiness(sqlite, input.accountId, ctx.now())),
    'leverage.standing': (input: ParsedInput<'leverage.standing'>, ctx: Context) => exclusive(ctx, (sqlite) => standing(sqlite, input.accountId, ctx.now())),
    'leverage.candidates': (input: ParsedInput<'leverage.candidates'>, ctx: Context) => exclusive(ctx, (sqlite) => candidates(sqlite, input, ctx.now())),
    'leverage.availability': (input: ParsedInput<'leverage.availability'>, ctx: Context) => exclusive(ctx, (sqlite) => availability(sqlite, input, ctx.now())),
    'leverage.capacity': (_input: ParsedInput<'leverage.capacity'>, ctx: Context) => exclusive(ctx, (sqlite) => capacity(sqlite, ctx.now())),
    'leverage.match': (input: ParsedInput<'leverage.match'>, ctx: Context) =>
      exclusive(ctx, (sqlite) => withTeamBudgets(match(sqlite, input, ctx.now()), teamBudgets, sqlite, ctx.now())),
    'leverage.coverage': (input: ParsedInput<'leverage.coverage'>, ctx: Context) => exclusive(ctx, (sqlite) => coverage(sqlite, input, ctx.now())),
    'leverage.influence': (input: ParsedInput<'leverage.influence'>, ctx: Context) => exclusive(ctx, (sqlite) => influence(sqlite, input, ctx.now())),
    'leverage.programFigures': (input: ParsedInput<'leverage.programFigures'>, ctx: Context) => exclusive(ctx, (sqlite) => programFigures(sqlite, input, ctx.now())),
  }) satisfies Handlers<ChannelsOf<'leverage'>>;
