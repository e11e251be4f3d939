// The only queries of the stories domain: success_stories with their account's name, their
// linked outcomes (story_outcomes) and their approvals (story_approvals).

import { sql } from 'kysely';
import { APPROVAL_ROLES, type ApprovalRole, type Story, type StoryApproval, type StoryDetail, type StoryStage, type StorySummary } from '../../../shared/contract/stories';
import type { Outcome } from '../../../shared/contract/outcomes';
import type { ParsedInput } from '../../../shared/contract';
import { getRow } from '../crud/queries';
import { decodeRow, type TableSpec } from '../crud/table';
import type { Db } from '../db/schema';

const DEFAULT_SORT = { field: 'updatedAt', direction: 'desc' } as const;

export const storiesTable: TableSpec<Story> = {
  table: 'successStories',
  label: 'story',
  json: ['quotes', 'products'],
  search: ['title'],
  defaultSort: DEFAULT_SORT,
  references: { accountId: { table: 'accounts', label: 'account' } },
};

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);
const many = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);

/** Roles in their fixed order, each once, from SQLite's comma-joined list. */
function rolesOf(joined: unknown): ApprovalRole[] {
  const present = new Set((typeof joined === 'string' ? joined : '').split(',').filter(Boolean));
  return APPROVAL_ROLES.filter((role) => present.has(role));
}

/** The board's and the lists' query: filters, search on the title and the account's name, paging. */
export async function listStories(db: Db, query: ParsedInput<'stories.list'>) {
  let where = db.selectFrom('successStories as s').innerJoin('accounts as a', 'a.id', 's.accountId');
  if (!query.includeArchived) where = where.where('s.archivedAt', 'is', null);
  const filter = query.filter ?? {};
  if (filter.stage !== undefined) where = where.where('s.stage', 'in', many(filter.stage));
  if (filter.accountId !== undefined) where = where.where('s.accountId', 'in', many(filter.accountId));
  if (filter.industry !== undefined) where = where.where('s.industry', 'in', many(filter.industry));
  if (filter.product !== undefined) {
    where = where.where(sql<boolean>`exists (select 1 from json_each(s.products) where value = ${filter.product})`);
  }
  if (query.from) where = where.where('s.createdAt', '>=', query.from);
  if (query.to) where = where.where('s.createdAt', '<', query.to);
  const term = query.search?.trim();
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    where = where.where((eb) => eb.or([eb('s.title', 'like', sql<string>`${pattern} ESCAPE '\\'`), eb('a.name', 'like', sql<string>`${pattern} ESCAPE '\\'`)]));
  }
  const sort = query.sort ?? DEFAULT_SORT;
  const [rows, count] = await Promise.all([
    where
      .selectAll('s')
      .select([
        'a.name as accountName',
        sql<string>`(select group_concat(role) from story_approvals where story_id = s.id)`.as('approvedRoles'),
        sql<number>`(select count(*) from story_outcomes where story_id = s.id)`.as('resultCount'),
      ])
      .orderBy(`s.${sort.field}`, sort.direction)
      .orderBy('s.id', sort.direction)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    where.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  const summaries = rows.map(({ approvedRoles, resultCount, ...row }): StorySummary => ({
    ...decodeRow(storiesTable, row),
    accountName: row.accountName,
    approvedBy: rolesOf(approvedRoles),
    resultCount: Number(resultCount),
  }));
  return { rows: summaries, total: Number(count.total), page: query.page, pageSize: query.pageSize };
}

export const getStoryRow = (db: Db, id: number) => getRow(db, storiesTable, id);

async function accountName(db: Db, accountId: number): Promise<string> {
  const row = await db.selectFrom('accounts').select('name').where('id', '=', accountId).executeTakeFirstOrThrow();
  return row.name;
}

/** The outcomes linked to stories, by story id, oldest outcome first. */
export async function resultsOf(db: Db, storyIds: number[]): Promise<Map<number, Outcome[]>> {
  const byStory = new Map<number, Outcome[]>();
  if (storyIds.length === 0) return byStory;
  const rows = await db
    .selectFrom('storyOutcomes as so')
    .innerJoin('outcomes as o', 'o.id', 'so.outcomeId')
    .selectAll('o')
    .select('so.storyId')
    .where('so.storyId', 'in', storyIds)
    .orderBy('o.id')
    .execute();
  for (const { storyId, ...outcome } of rows) {
    const list = byStory.get(Number(storyId)) ?? [];
    list.push(outcome);
    byStory.set(Number(storyId), list);
  }
  return byStory;
}

export async function approvalsOf(db: Db, storyId: number): Promise<StoryApproval[]> {
  return db.selectFrom('storyApprovals').selectAll().where('storyId', '=', storyId).orderBy('approvedAt').orderBy('id').execute();
}

export async function deleteApproval(db: Db, storyId: number, approvalId: number): Promise<void> {
  await db.deleteFrom('storyApprovals').where('storyId', '=', storyId).where('id', '=', approvalId).execute();
}

export async function hasCustomerApproval(db: Db, storyId: number): Promise<boolean> {
  const row = await db.selectFrom('storyApprovals').select('id').where('storyId', '=', storyId).where('role', '=', 'customer').executeTakeFirst();
  return row !== undefined;
}

/** A story with its account's name, its results and its approvals. */
export async function getStoryDetail(db: Db, id: number): Promise<StoryDetail> {
  const story = await getStoryRow(db, id);
  const [name, results, approvals] = await Promise.all([accountName(db, story.accountId), resultsOf(db, [id]), approvalsOf(db, id)]);
  return { ...story, accountName: name, results: results.get(id) ?? [], approvals };
}

/** Products of the account's live deployments: what a new story is about unless the user says otherwise. */
export async function liveProducts(db: Db, accountId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('deployments')
    .select('product')
    .distinct()
    .where('accountId', '=', accountId)
    .where('status', '=', 'live')
    .where('archivedAt', 'is', null)
    .orderBy('product')
    .execute();
  return rows.map((row) => row.product);
}

export async function accountIndustry(db: Db, accountId: number): Promise<string | null> {
  const row = await db.selectFrom('accounts').select('industry').where('id', '=', accountId).executeTakeFirst();
  return row?.industry ?? null;
}

export async function linkOutcome(db: Db, storyId: number, outcomeId: number): Promise<void> {
  await db
    .insertInto('storyOutcomes')
    .values({ storyId, outcomeId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** True when the link existed. */
export async function unlinkOutcome(db: Db, storyId: number, outcomeId: number): Promise<boolean> {
  const result = await db.deleteFrom('storyOutcomes').where('storyId', '=', storyId).where('outcomeId', '=', outcomeId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertApproval(db: Db, approval: Omit<StoryApproval, 'id'>): Promise<void> {
  await db.insertInto('storyApprovals').values(approval).execute();
}

export async function setStage(db: Db, id: number, stage: StoryStage, publishedAt: string | null, now: string): Promise<void> {
  await db.updateTable('successStories').set({ stage, publishedAt, updatedAt: now }).where('id', '=', id).execute();
}

/** Stories for the product view: not archived, optionally of some stages, with their account's name. */
export async function storiesForProducts(db: Db, stages: StoryStage[] | undefined) {
  let query = db
    .selectFrom('successStories as s')
    .innerJoin('accounts as a', 'a.id', 's.accountId')
    .select(['s.id', 's.title', 's.stage', 's.publishedAt', 's.products', 'a.name as accountName'])
    .where('s.archivedAt', 'is', null);
  if (stages) query = query.where('s.stage', 'in', stages);
  const rows = await query.orderBy('s.title').orderBy('s.id').execute();
  return rows.map((row) => ({ ...row, products: JSON.parse(row.products) as string[] }));
}
