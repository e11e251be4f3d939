import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract';
import type { CtaRule } from '../../../shared/contract/ctas';
import type { Playbook } from '../../../shared/contract/playbooks';
import type { Context } from '../context';
import { inTransaction, stmt } from '../db/sql';
import { CoreError } from '../errors';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { applyPlaybook, getPlaybook, listPlaybooks } from './repo';

/** Names are unique (any case), and a rule opens one playbook: say which one has it. */
function checkUnique(sqlite: Database.Database, id: number | null, name: string | undefined, opensOn: CtaRule | null | undefined): void {
  if (name !== undefined) {
    const other = stmt<number>(sqlite, 'SELECT id FROM playbooks WHERE name = ? COLLATE NOCASE AND id IS NOT ?').pluck().get(name, id);
    if (other !== undefined) throw new CoreError('CONFLICT', `name: a playbook named "${name}" already exists`);
  }
  if (opensOn) {
    const other = stmt<string>(sqlite, 'SELECT name FROM playbooks WHERE opens_on = ? AND id IS NOT ?').pluck().get(opensOn, id);
    if (other !== undefined) throw new CoreError('CONFLICT', `opensOn: "${other}" already opens on this rule; clear it there first`);
  }
}

function changed(ctx: Context, playbook: Playbook): Playbook {
  ctx.emit({ name: 'playbooks.changed', ids: [playbook.id] });
  return playbook;
}

function setArchived(ctx: Context, id: number, archivedAt: string | null): Playbook {
  getPlaybook(ctx.sqlite, id);
  stmt(ctx.sqlite, 'UPDATE playbooks SET archived_at = ?, updated_at = ? WHERE id = ?').run(archivedAt, ctx.now().toISOString(), id);
  return changed(ctx, getPlaybook(ctx.sqlite, id));
}

export const playbooksHandlers = {
  'playbooks.list': (input: ParsedInput<'playbooks.list'>, ctx: Context) => listPlaybooks(ctx.sqlite, input.includeArchived),
  'playbooks.get': (input: ParsedInput<'playbooks.get'>, ctx: Context) => getPlaybook(ctx.sqlite, input.id),
  'playbooks.create': (input: ParsedInput<'playbooks.create'>, ctx: Context) => {
    checkUnique(ctx.sqlite, null, input.name, input.opensOn);
    const now = ctx.now().toISOString();
    const id = stmt(ctx.sqlite, 'INSERT INTO playbooks (name, description, opens_on, steps, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      input.name,
      input.description || null,
      input.opensOn ?? null,
      JSON.stringify(input.steps),
      now,
      now,
    ).lastInsertRowid;
    return changed(ctx, getPlaybook(ctx.sqlite, Number(id)));
  },
  'playbooks.update': (input: ParsedInput<'playbooks.update'>, ctx: Context) => {
    const before = getPlaybook(ctx.sqlite, input.id);
    checkUnique(ctx.sqlite, input.id, input.name, input.opensOn);
    stmt(ctx.sqlite, 'UPDATE playbooks SET name = ?, description = ?, opens_on = ?, steps = ?, updated_at = ? WHERE id = ?').run(
      input.name ?? before.name,
      input.description === undefined ? before.description : input.description || null,
      input.opensOn === undefined ? before.opensOn : input.opensOn,
      JSON.stringify(input.steps ?? before.steps),
      ctx.now().toISOString(),
      input.id,
    );
    return changed(ctx, getPlaybook(ctx.sqlite, input.id));
  },
  'playbooks.archive': (input: ParsedInput<'playbooks.archive'>, ctx: Context) => setArchived(ctx, input.id, ctx.now().toISOString()),
  'playbooks.restore': (input: ParsedInput<'playbooks.restore'>, ctx: Context) => setArchived(ctx, input.id, null),
  'playbooks.apply': (input: ParsedInput<'playbooks.apply'>, ctx: Context) => {
    const playbook = getPlaybook(ctx.sqlite, input.id);
    if (playbook.archivedAt) throw new CoreError('BAD_INPUT', `id: playbook "${playbook.name}" is archived; restore it to apply it`);
    const owner = stmt<string | null>(ctx.sqlite, 'SELECT owner FROM accounts WHERE id = ?').pluck().get(input.accountId);
    if (owner === undefined) throw new CoreError('BAD_INPUT', `accountId: account ${input.accountId} does not exist`);
    const now = ctx.now().toISOString();
    const taskIds = inTransaction(ctx.sqlite, () =>
      applyPlaybook(
        ctx.sqlite,
        playbook,
        { accountId: input.accountId, owner: input.owner === undefined ? owner : input.owner || null, start: input.startDate ?? now.slice(0, 10), ctaId: null },
        now,
      ),
    );
    ctx.emit({ name: 'tasks.changed', ids: taskIds });
    return { taskIds };
  },
} satisfies Handlers<ChannelsOf<'playbooks'>>;
