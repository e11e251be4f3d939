// The five channels every plain domain shares, run over each of them from one table (tests/fixtures/domains.ts).
// Rules that belong to one domain live in that domain's own file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, RpcError } from '../../shared/rpc';
import { clockedCore, type ClockedCore } from '../fixtures/clock';
import { FIXED_NOW, testCore } from '../fixtures/core';
import { callAny, countRows, DOMAINS, seed, type Row, type Seed } from '../fixtures/domains';

const LATER = '2026-03-02T08:00:00.000Z';
const LATEST = '2026-03-03T08:00:00.000Z';
const MISSING_ID = 999_999;

let core: ClockedCore;
let s: Seed;
beforeEach(async () => {
  core = await clockedCore();
  s = await seed(core);
});
afterEach(() => core.close());

const paths = (error: RpcError) => (error.issues ?? []).map((issue) => issue.path);
const names = (field: string) => (path: string) => path === field || path.startsWith(`${field}.`);

describe.each(DOMAINS)('$domain', (c) => {
  const ch = (verb: string) => `${c.domain}.${verb}`;
  const create = (input: Record<string, unknown>): Promise<Row> => callAny(core, ch('create'), input);
  const ids = (page: { rows: Row[] }) => page.rows.map((row) => row.id);

  it('creates, reads, updates and archives, announcing each change', async () => {
    const events: ChangeEvent[] = [];
    core.subscribe((event) => events.push(event));

    const created = await create(c.minimal(s));
    expect(created).toMatchObject({ ...c.expected(s), archivedAt: null });
    expect(created.id).toBeGreaterThan(0);
    expect(created.createdAt).toBe(FIXED_NOW.toISOString());
    expect(created.updatedAt).toBe(FIXED_NOW.toISOString());
    expect(await callAny(core, ch('get'), { id: created.id })).toEqual(created);

    core.setNow(LATER);
    const updated = await callAny(core, ch('update'), { id: created.id, ...c.patch(s) });
    // Only the patched fields and the update stamp change.
    expect(updated).toEqual({ ...created, ...(c.patched ?? c.patch)(s), updatedAt: LATER });
    expect(await callAny(core, ch('get'), { id: created.id })).toEqual(updated);

    core.setNow(LATEST);
    const archived = await callAny(core, ch('archive'), { id: created.id });
    expect(archived).toEqual({ ...updated, archivedAt: LATEST, updatedAt: LATEST });
    expect(ids(await callAny(core, ch('list'), { pageSize: 500 }))).not.toContain(created.id);
    expect(ids(await callAny(core, ch('list'), { pageSize: 500, includeArchived: true }))).toContain(created.id);
    expect((await callAny(core, ch('get'), { id: created.id })).archivedAt).toBe(LATEST);

    expect(events).toEqual([1, 2, 3].map(() => ({ name: `${c.domain}.changed`, ids: [created.id] })));
  });

  it('keeps what it wrote in the workspace file', async () => {
    const created = await create(c.minimal(s));
    const updated = await callAny(core, ch('update'), { id: created.id, ...c.patch(s) });
    const path = core.context.dbPath;
    await core.close();
    core = Object.assign(await testCore(path), { setNow: () => {} });
    expect(await callAny(core, ch('get'), { id: created.id })).toEqual(updated);
  });

  it('lists with a filter, a search and paging', async () => {
    const first = await create(c.minimal(s));
    const second = await create(c.second(s));
    const all = await callAny(core, ch('list'), { pageSize: 500 });
    expect(all.total).toBe(countRows(core, c.table));
    expect(ids(all)).toEqual(expect.arrayContaining([first.id, second.id]));

    if (c.filter) {
      const filtered = await callAny(core, ch('list'), { filter: c.filter(s) });
      expect(ids(filtered)).toEqual([second.id]);
      expect(filtered.total).toBe(1);
    }
    expect(ids(await callAny(core, ch('list'), { search: c.search }))).toEqual([second.id]);
    expect(ids(await callAny(core, ch('list'), { search: c.search.toUpperCase() }))).toEqual([second.id]);
    expect((await callAny(core, ch('list'), { search: 'no row has this text' })).total).toBe(0);

    const pages = [];
    for (let page = 1; page <= all.total; page++) pages.push(...ids(await callAny(core, ch('list'), { page, pageSize: 1 })));
    expect(pages).toEqual(ids(all));

    // A filter on a field the domain does not have is refused, not ignored.
    const unknownFilter = await core.fail(ch('list'), { filter: { noSuchField: 1 } });
    expect(unknownFilter.code).toBe('BAD_INPUT');
    expect((await core.fail(ch('list'), { pageSize: 501 })).code).toBe('BAD_INPUT');
  });

  it('refuses bad input of each kind, naming the field, and writes nothing', async () => {
    const before = countRows(core, c.table);
    const { [c.missing]: _dropped, ...withoutRequired } = c.minimal(s);

    const missing = await core.fail(ch('create'), withoutRequired);
    expect(missing.code).toBe('BAD_INPUT');
    expect(paths(missing)).toContain(c.missing);

    const [typeField, typeValue] = c.wrongType;
    const wrongType = await core.fail(ch('create'), { ...c.minimal(s), [typeField]: typeValue });
    expect(wrongType.code).toBe('BAD_INPUT');
    expect(paths(wrongType).some(names(typeField))).toBe(true);
    expect(wrongType.message).toContain(typeField);

    const [rangeField, rangeValue] = c.outOfRange;
    const outOfRange = await core.fail(ch('create'), { ...c.minimal(s), [rangeField]: rangeValue });
    expect(outOfRange.code).toBe('BAD_INPUT');
    expect(paths(outOfRange).some(names(rangeField))).toBe(true);

    expect((await core.fail(ch('create'), 'not an object')).code).toBe('BAD_INPUT');

    if (c.foreign) {
      const [field, label] = c.foreign;
      const unknownForeign = await core.fail(ch('create'), { ...c.minimal(s), [field]: MISSING_ID });
      expect(unknownForeign.code).toBe('NOT_FOUND');
      expect(unknownForeign.message).toBe(`${field}: ${label} ${MISSING_ID} does not exist`);
      expect(paths(unknownForeign)).toEqual([field]);
    }
    expect(countRows(core, c.table)).toBe(before);
  });

  it('refuses unknown ids and bad updates, leaving the row as it was', async () => {
    for (const verb of ['get', 'archive']) {
      const error = await core.fail(ch(verb), { id: MISSING_ID });
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toMatch(new RegExp(`^[a-z ]+ ${MISSING_ID} does not exist$`));
    }
    const unknownUpdate = await core.fail(ch('update'), { id: MISSING_ID, ...c.patch(s) });
    expect(unknownUpdate.code).toBe('NOT_FOUND');
    expect(unknownUpdate.message).toContain(`${MISSING_ID} does not exist`);
    expect((await core.fail(ch('get'), { id: 'one' })).code).toBe('BAD_INPUT');
    expect((await core.fail(ch('get'), { id: 0 })).code).toBe('BAD_INPUT');

    const created = await create(c.minimal(s));
    const before = countRows(core, c.table);
    core.setNow(LATER);
    for (const [field, value] of [c.wrongType, c.outOfRange]) {
      const error = await core.fail(ch('update'), { id: created.id, [field]: value });
      expect(error.code).toBe('BAD_INPUT');
      expect(paths(error).some(names(field))).toBe(true);
    }
    if (c.foreign) {
      const [field] = c.foreign;
      const error = await core.fail(ch('update'), { id: created.id, [field]: MISSING_ID });
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toContain(field);
    }
    // Stamps are not writable: the key is refused by name and the row stays as it was.
    const stamp = await core.fail(ch('update'), { id: created.id, createdAt: LATER });
    expect(stamp.code).toBe('BAD_INPUT');
    expect(stamp.message).toContain('createdAt');
    expect(await callAny(core, ch('get'), { id: created.id })).toEqual(created);
    expect(countRows(core, c.table)).toBe(before);
  });
});
