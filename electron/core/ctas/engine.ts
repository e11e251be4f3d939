import type Database from 'better-sqlite3';
import { stmt } from '../db/sql';
import { applyPlaybook, playbookForRule } from '../playbooks/repo';
import { accountRuleInputs, allRuleInputs } from './inputs';
import { ctaIdOf, evaluateRules, ONE_OPEN_PER_ACCOUNT, type Firing, type RuleInputs } from './rules';

// What the rules' firings do: each opens a call to action under its deterministic id (INSERT OR
// IGNORE, so a second laptop, a second pass or a second write opening the same one is a no-op) with
// its playbook's tasks, unless an event of a state rule is already being acted on (an open one of
// the same rule on the account). Runs inside the caller's transaction.

/** Opens what `firings` call for on one account; returns the ids of the calls to action it opened. */
export function openCtas(sqlite: Database.Database, accountId: number, firings: readonly Firing[], now: Date): string[] {
  if (firings.length === 0) return [];
  const owner = stmt<string | null>(sqlite, 'SELECT owner FROM accounts WHERE id = ?').pluck().get(accountId) ?? null;
  const at = now.toISOString();
  const opened: string[] = [];
  for (const firing of firings) {
    const id = ctaIdOf(firing.rule, accountId, firing.cause);
    if (stmt(sqlite, 'SELECT 1 FROM calls_to_action WHERE id = ?').get(id) !== undefined) continue;
    if (
      ONE_OPEN_PER_ACCOUNT.has(firing.rule) &&
      stmt(sqlite, `SELECT 1 FROM calls_to_action WHERE account_id = ? AND rule = ? AND status = 'open'`).get(accountId, firing.rule) !== undefined
    )
      continue;
    const playbook = playbookForRule(sqlite, firing.rule);
    const inserted = stmt(
      sqlite,
      `INSERT OR IGNORE INTO calls_to_action (id, rule, account_id, cause, title, fired_by, playbook_id, owner, status, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
    ).run(id, firing.rule, accountId, firing.cause, firing.title, JSON.stringify(firing.firedBy), playbook?.id ?? null, owner, at);
    if (inserted.changes === 0) continue;
    if (playbook) applyPlaybook(sqlite, playbook, { accountId, owner, start: at.slice(0, 10), ctaId: id }, at);
    opened.push(id);
  }
  return opened;
}

/** The rules over one account, after a write that can fire them; [] for accounts that are not current customers. */
export function evaluateAccount(sqlite: Database.Database, accountId: number, now: Date): string[] {
  const inputs = accountRuleInputs(sqlite, accountId, now);
  return inputs ? openCtas(sqlite, accountId, evaluateRules(inputs), now) : [];
}

/** A full pass over every current customer (the daily refresh, after a rebuild, ctas.evaluate). */
export function evaluateAll(sqlite: Database.Database, now: Date, inputs: RuleInputs[] = allRuleInputs(sqlite, now)): { accounts: number; opened: string[] } {
  const opened: string[] = [];
  for (const account of inputs) {
    const firings = evaluateRules(account);
    if (firings.length) opened.push(...openCtas(sqlite, account.accountId, firings, now));
  }
  return { accounts: inputs.length, opened };
}
