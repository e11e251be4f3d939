// Issue 16, speed and rules of the churn model, through dispatch on a real SQLite file (the synthetic
// workspace of churn.test.ts, with some segments unknown and some rows that must be left out):
// - the history read in slices of rowids with times converted by SQLite equals a plain row-by-row
//   read parsed in JS (the read it replaced), table by table, and churn.features agrees with it;
// - churn.train and churn.satisfactionRevenue are jobs: progress by phase, CANCELLED on jobs.cancel
//   with the previous model kept; the history survives the model's own write, not a ticket's;
// - λ is chosen by cross-validation by time: the grid's best validation log-loss, folds never
//   trained on their own future;
// - an unknown segment is missing (its own "missing" column), not the most frequent segment.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featuresAt } from '../../electron/core/churn/features';
import { historyInSlices, KIND, runToEnd, type AccountHistory } from '../../electron/core/churn/history';
import { LAMBDA_GRID } from '../../electron/core/churn/model';
import type { ChangeEvent } from '../../shared/rpc';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { churnWorkspaceAt, type SyntheticAccount } from '../fixtures/churnWorkspace';

let core: TestCore;
let path: string;
let accounts: SyntheticAccount[];
const unknownSegment: number[] = [];

beforeAll(async () => {
  path = tempWorkspacePath();
  accounts = await churnWorkspaceAt(path);
  core = await testCore(path);
  // Every seventh account's segment unknown.
  for (const [k, a] of accounts.entries())
    if (k % 7 === 3) {
      await core.call('accounts.update', { id: a.id, segment: null });
      unknownSegment.push(a.id);
    }
  // Rows the history leaves out: an archived ticket, a cancelled deployment, an archived account's rows.
  const first = accounts[0]!.id;
  const ticket = await core.call('tickets.create', { accountId: first, openedAt: '2025-05-05T05:05:05.005Z', channel: 'chat', priority: 'high' });
  await core.call('tickets.archive', { id: ticket.id });
  await core.call('tickets.create', {
    accountId: first,
    openedAt: '2025-06-01T00:00:00.000Z',
    channel: 'chat',
    priority: 'urgent',
    csat: 2,
    resolvedAt: '2025-06-03T12:30:00.250Z',
  });
  await core.call('deployments.create', { accountId: first, product: 'Pilot', startedAt: '2024-02-01', plannedGoLive: '2024-04-01', actualGoLive: '2024-04-20', status: 'live' });
  await core.call('deployments.create', { accountId: first, product: 'Dropped', startedAt: '2024-05-01', status: 'cancelled' });
  await core.call('accounts.archive', { id: accounts[1]!.id });
}, 600_000);
afterAll(() => core.close());

/** The read the slices replaced, written out here: every row as stored, parsed by Date.parse, filed by account in time order (ties as read). */
function plainRead(): Map<number, Record<string, number[][]>> {
  const db = new Database(path, { readonly: true });
  try {
    const ms = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : NaN);
    const num = (v: unknown) => (typeof v === 'number' ? v : NaN);
    const ids = db.prepare('SELECT id FROM accounts WHERE archived_at IS NULL').pluck().all() as number[];
    const out = new Map<number, Record<string, number[][]>>(ids.map((id) => [id, {}]));
    const read = (name: string, sql: string, convert: ((v: unknown) => number)[]) => {
      for (const list of out.values()) list[name] = [];
      for (const row of db.prepare(sql).raw(true).all() as unknown[][]) out.get(row[0] as number)?.[name]!.push(convert.map((c, k) => c(row[k + 1])));
      for (const list of out.values()) list[name]!.sort((a, b) => a[0]! - b[0]!);
    };
    read('arr', 'SELECT account_id, changed_on, arr_minor FROM arr_changes ORDER BY id', [ms, num]);
    read('surveys', 'SELECT account_id, responded_at, kind, score FROM survey_responses WHERE archived_at IS NULL AND score IS NOT NULL ORDER BY id', [
      ms,
      (v) => KIND[v as keyof typeof KIND] ?? -1,
      num,
    ]);
    read('tickets', 'SELECT account_id, opened_at, first_response_at, resolved_at, priority, csat FROM tickets WHERE archived_at IS NULL ORDER BY id', [
      ms,
      ms,
      ms,
      (v) => (v === 'high' || v === 'urgent' ? 1 : 0),
      num,
    ]);
    read('touchpoints', 'SELECT account_id, occurred_at, sentiment FROM touchpoints WHERE archived_at IS NULL ORDER BY id', [ms, num]);
    read('deployments', "SELECT account_id, started_at, planned_go_live, actual_go_live FROM deployments WHERE archived_at IS NULL AND status <> 'cancelled' ORDER BY id", [
      ms,
      ms,
      ms,
    ]);
    return out;
  } finally {
    db.close();
  }
}

const COLUMNS: Record<string, string[]> = {
  arr: ['on', 'value'],
  surveys: ['at', 'kind', 'score'],
  tickets: ['opened', 'firstResponse', 'resolved', 'urgent', 'csat'],
  touchpoints: ['at', 'sentiment'],
  deployments: ['started', 'planned', 'actual'],
};

/** One account's history as rows (the reference's shape). */
const rowsOf = (a: AccountHistory, table: string) => {
  const columns = COLUMNS[table]!.map((c) => Array.from((a as unknown as Record<string, Record<string, Float64Array>>)[table]![c]!));
  return columns[0]!.map((_, i) => columns.map((c) => c[i]!));
};

describe('the history read in slices', () => {
  it('equals the plain row-by-row read, every table and value, with slices of 97 rowids', () => {
    const expected = plainRead();
    const histories = runToEnd(historyInSlices(core.context.sqlite, 97));
    expect(histories.map((h) => h.id).sort()).toEqual([...expected.keys()].sort());
    expect(
      histories.some((h) => h.id === accounts[1]!.id),
      'archived account left out',
    ).toBe(false);
    let rows = 0;
    for (const h of histories)
      for (const table of Object.keys(COLUMNS)) {
        expect(rowsOf(h, table), `${table} of account ${h.id}`).toEqual(expected.get(h.id)![table]);
        rows += expected.get(h.id)![table]!.length;
      }
    expect(rows).toBeGreaterThan(5_000);
    const first = histories.find((h) => h.id === accounts[0]!.id)!;
    expect(first.deployments.started.length, 'the cancelled deployment left out').toBe(1);
    expect(first.tickets.opened).not.toContain(Date.parse('2025-05-05T05:05:05.005Z'));
    expect(first.tickets.resolved).toContain(Date.parse('2025-06-03T12:30:00.250Z'));
  });

  it('churn.features (one account, through its indexes) equals the features of the sliced read', async () => {
    const histories = runToEnd(historyInSlices(core.context.sqlite, 97));
    for (const a of histories.slice(0, 12))
      for (const day of ['2024-06-01', '2025-06-02', '2026-03-01']) {
        const features = await core.call('churn.features', { id: a.id, asOf: day });
        expect(features.map((f) => f.value)).toEqual([...featuresAt(a, day), a.segment]);
      }
  });
});

/** jobs.progress events of a channel, and a cancel sent at the first one when asked. */
function watch(channel: string, cancelAtFirst = false) {
  const seen: ChangeEvent[] = [];
  let cancel: Promise<unknown> | undefined;
  const stop = core.subscribe((event) => {
    if (event.name !== 'jobs.progress' || event.job !== channel) return;
    seen.push(event);
    if (cancelAtFirst && !cancel) cancel = core.dispatch('jobs.cancel', { channel });
  });
  return { seen, stop, cancelled: () => cancel };
}

describe('training and the section as jobs', () => {
  it('a cancelled training answers CANCELLED and stores nothing', async () => {
    const { seen, stop, cancelled } = watch('churn.train', true);
    const result = await core.dispatch('churn.train', {});
    stop();
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'churn.train was cancelled; the previous model and its predictions are kept' } });
    expect(await cancelled()).toEqual({ ok: true, value: { cancelled: 1 } });
    expect(seen[0]).toMatchObject({ phase: 'history' });
    expect(await core.call('churn.model', {})).toBeNull();
    expect(await core.call('jobs.running', {})).toMatchObject({ channels: [] });
  });

  it('training reports the history read, then backtest, training and scoring', async () => {
    const { seen, stop } = watch('churn.train');
    const model = await core.call('churn.train', {});
    stop();
    expect(model.predictions).toBeGreaterThan(0);
    const phases = [...new Set(seen.map((e) => e.phase))];
    expect(phases).toEqual(['history', 'backtest', 'training', 'scoring']);
    const history = seen.filter((e) => e.phase === 'history');
    expect(history.at(-1)!.progress).toEqual({ done: history[0]!.progress!.total, total: history[0]!.progress!.total });
  });

  it("the section after a training reads no table again (the model's write is not the history's); a ticket's write makes it read", async () => {
    let watched = watch('churn.satisfactionRevenue');
    const first = await core.call('churn.satisfactionRevenue', {});
    watched.stop();
    expect(first.renewals).toBeGreaterThan(0);
    expect(watched.seen.map((e) => e.phase)).not.toContain('history');
    await core.call('tickets.create', { accountId: accounts[0]!.id, openedAt: '2026-02-01T10:00:00.000Z', channel: 'email' });
    watched = watch('churn.satisfactionRevenue');
    await core.call('churn.satisfactionRevenue', {});
    watched.stop();
    expect(watched.seen.map((e) => e.phase)).toContain('history');
  });

  it('a cancelled first open answers CANCELLED; the next open answers in full', async () => {
    await core.call('touchpoints.create', { accountId: accounts[0]!.id, occurredAt: '2026-02-02T10:00:00.000Z', channel: 'phone', kind: 'qbr' });
    const { stop } = watch('churn.satisfactionRevenue', true);
    const result = await core.dispatch('churn.satisfactionRevenue', { horizonDays: 200 });
    stop();
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const again = await core.call('churn.satisfactionRevenue', { horizonDays: 200 });
    expect(again.renewals).toBeGreaterThan(0);
  });
});

describe('the snapshot cross-validation as a job', () => {
  it('reports each split done of splits, and answers as a plain run would', async () => {
    const { seen, stop } = watch('churn.crossValidate');
    const result = await core.call('churn.crossValidate', { splits: 4, testShare: 0.3, seed: 3 });
    stop();
    expect(result.auc).toHaveLength(4);
    expect(seen.every((e) => e.phase === 'splits' && e.progress!.total === 4)).toBe(true);
    expect(seen[0]!.progress).toEqual({ done: 0, total: 4 });
    expect(seen.at(-1)!.progress).toEqual({ done: 4, total: 4 });
    // The same seed gives the same splits: a second run (no job state carried over) answers the same.
    expect(await core.call('churn.crossValidate', { splits: 4, testShare: 0.3, seed: 3 })).toEqual(result);
  });

  it('a cancel between splits answers CANCELLED and leaves no job running', async () => {
    const { stop, cancelled } = watch('churn.crossValidate', true);
    const result = await core.dispatch('churn.crossValidate', { splits: 20, testShare: 0.3 });
    stop();
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'churn.crossValidate was cancelled; nothing was changed' } });
    expect(await cancelled()).toEqual({ ok: true, value: { cancelled: 1 } });
    expect(await core.call('jobs.running', {})).toMatchObject({ channels: [] });
  });
});

describe('λ by cross-validation by time', () => {
  it("is the grid's best validation log-loss, from folds trained only on earlier days, and is the λ the fit used", async () => {
    const model = await core.call('churn.train', {});
    const search = model.lambdaSearch!;
    expect(search.reason).toBeUndefined();
    expect(search.grid.map((g) => g.lambda)).toEqual([...LAMBDA_GRID]);
    const losses = search.grid.map((g) => g.logLoss!);
    for (const loss of losses) expect(loss).toBeGreaterThan(0);
    expect(search.chosen).toBe(search.grid[losses.indexOf(Math.min(...losses))]!.lambda);
    expect(model.options.lambda).toBe(search.chosen);
    expect(search.folds.length).toBeGreaterThanOrEqual(1);
    for (const fold of search.folds) {
      expect(fold.trainedOn.every((day) => day < fold.validatedOn)).toBe(true);
      expect(fold.trainingRows).toBeGreaterThanOrEqual(20);
      expect(fold.validationRows).toBeGreaterThan(0);
    }
    // The folds are the training window's own days (a quarter apart before today), never later ones.
    expect(search.folds.map((f) => f.validatedOn).every((day) => day < '2026-03-01')).toBe(true);
  });

  it('a λ given in the options is used as given, without a search', async () => {
    const model = await core.call('churn.train', { lambda: 5 });
    expect(model.options.lambda).toBe(5);
    expect(model.lambdaSearch).toBeUndefined();
  });
});

describe('an unknown segment', () => {
  it('is a missing value with its own column, not a level, and reads "unknown" in a reason', async () => {
    const model = await core.call('churn.train', {});
    const columns = model.coefficients.map((c) => c.column);
    expect(columns).toContain('segment missing');
    expect(columns.filter((c) => c.startsWith('segment='))).toEqual(['segment=smb']);
    const prediction = (await core.call('churn.account', { id: unknownSegment.find((id) => accounts.find((a) => a.id === id)!.churnedAt === null)! }))!;
    const segment = prediction.reasons.find((r) => r.feature === 'segment');
    if (segment) expect(segment.value).toBe('unknown');
    const features = await core.call('churn.features', { id: unknownSegment[0]!, asOf: '2026-03-01' });
    expect(features.find((f) => f.key === 'segment')!.value).toBeNull();
  });
});

describe('units of the features (days, money in the workspace currency, counts, scores on their scale)', () => {
  it('churn.features gives each value its unit, quantity and words; the model gives each weight one standard deviation in the unit', async () => {
    const id = accounts.find((a) => a.churnedAt === null)!.id;
    const features = await core.call('churn.features', { id, asOf: '2026-03-01' });
    const of = (key: string) => features.find((f) => f.key === key)!;
    expect(of('daysSinceTouchpoint')).toMatchObject({ unit: 'days', range: null });
    expect(of('tickets90d')).toMatchObject({ unit: 'count', text: String(of('tickets90d').value) });
    expect(of('npsLast').unit).toBe('score');
    expect(of('npsLast').range).toEqual([0, 10]);
    expect(of('csatMean12m').range).toEqual([1, 5]);
    expect(of('segment')).toMatchObject({ unit: 'category', quantity: null });
    // ARR: the model reads ln(1 + ARR); the quantity undoes it, in the workspace's currency (USD in this fixture).
    const arr = of('logArr');
    expect(arr).toMatchObject({ unit: 'money', currency: 'USD' });
    expect(arr.quantity).toBeCloseTo(Math.expm1(arr.value as number), 6);
    expect(arr.text).toBe(`$${Math.round(arr.quantity!).toLocaleString('en-US')}`);
    const days = of('daysSinceTouchpoint');
    if (days.value !== null) expect(days.text).toMatch(/^[\d.,]+ days?$/);

    const model = (await core.call('churn.model', {}))!;
    const tickets = model.coefficients.find((c) => c.column === 'tickets90d')!;
    expect(tickets.unit).toBe('count');
    expect(tickets.step).toMatch(/^[\d.,]+$/);
    expect(model.coefficients.find((c) => c.column === 'logArr')!.step).toMatch(/^×\d+\.\d$/);
    for (const c of model.coefficients.filter((c) => / missing$|=/.test(c.column))) expect(c).toMatchObject({ unit: null, step: null });
    // Reasons speak in the same units: no "ARR (log)" any more.
    const prediction = (await core.call('churn.account', { id }))!;
    for (const r of prediction.reasons) expect(r.sentence).not.toContain('(log)');
  });
});
