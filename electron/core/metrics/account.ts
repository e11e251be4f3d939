import type Database from 'better-sqlite3';
import type { Settings } from '../../../shared/contract/settings';
import { notFound } from '../errors';
import type { HealthExplanation } from '../../../shared/contract/health';
import { readSettings } from '../db/settings';
import { figure } from './figure';
import { resolveQuery } from './portfolio';
import { accountsOf } from './inputs';
import { accountRollupRows, loadAccount, surveyHistory, type AccountFacts } from './repo';
import { backlogAt, foldRollups, mergeMonths } from './rollups/read';
import { satisfactionFigures } from './satisfaction';
import { supportFigures } from './support';
import { noValue } from './types';
import { clvSimple } from './value';
import { segmentRetention } from './valueFigures';

const HISTORY_LIMIT = 200;

/** One account's page: its rollup rows (a few dozen), its survey answers, CLV and health now. */
export function accountMetrics(
  sqlite: Database.Database,
  input: { id: number; from?: string; to?: string },
  now: Date,
  /** The health domain's explanation (health/service.ts), passed in: health is built on metrics. */
  explainHealth: (sqlite: Database.Database, accountId: number, now: Date) => HealthExplanation,
) {
  const account = loadAccount(sqlite, input.id);
  if (!account) throw notFound('account', input.id);
  const settings = readSettings(sqlite);
  const { range, scope } = resolveQuery({ from: input.from, to: input.to }, now);
  const view = foldRollups(accountRollupRows(sqlite, account.id, range.to), range, range.from);
  const current = mergeMonths(view, range.from, range.to);
  const { advocates: _, ...satisfaction } = satisfactionFigures(current.counts);
  const { volume, backlog, firstResponse, resolution, sla, quantileMethod } = supportFigures(current, view, backlogAt(view, range.to), new Map(), settings, false);
  return {
    accountId: account.id,
    scope: { ...scope, filter: { account: [String(account.id)] } },
    satisfaction,
    satisfactionHistory: surveyHistory(sqlite, account.id, `${scope.from}T00:00:00.000Z`, `${scope.to}T00:00:00.000Z`, HISTORY_LIMIT),
    support: { volume, backlog, firstResponse, resolution, sla, quantileMethod },
    clv: clvNow(sqlite, account, settings, now),
    health: explainHealth(sqlite, account.id, now),
  };
}

/** CLV today: current ARR × gross margin, the segment's yearly retention, the settings' discount rate. */
function clvNow(sqlite: Database.Database, account: AccountFacts, settings: Settings, now: Date) {
  const today = now.toISOString().slice(0, 10);
  if (account.start > today) return figure('clv', noValue('not a customer yet'));
  if (account.churnedAt !== null && account.churnedAt <= today) return figure('clv', noValue('churned'));
  if (account.currency !== settings.currency) return figure('clv', noValue(`ARR in ${account.currency}, not ${settings.currency}`));
  if (account.grossMarginPct === null) return figure('clv', noValue('no gross margin'));
  if (account.arrMinor === 0) return figure('clv', noValue('no ARR'));
  const retention = segmentRetention(accountsOf(sqlite), today)(account.segment);
  if (retention === null) return figure('clv', noValue('no retention history for the segment'));
  return figure('clv', clvSimple({ margin: (account.arrMinor * account.grossMarginPct) / 100, retention, discount: settings.discountRate }));
}
