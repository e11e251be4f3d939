import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { now } from './today';
import { ask, demoWorkspace } from './workspace';

// Issue 14: a journey map's measure is a long job on a large workspace. While it runs the map shows
// a progress bar with Cancel; a cancelled measure says so and measures again on request. To hold
// the measure long enough on a small demo, the test queues writes on the core first (contact
// edits: the map does not listen to contacts, and they are no long job, so reads stay on the
// writer): the measure waits behind them on the core's one connection, as it would behind a cold
// read of two million tickets.

let app: App;
let mapId: number;
let folder: string;
beforeAll(async () => {
  const dbPath = await demoWorkspace(40);
  folder = dirname(dbPath);
  // An import is held after its first batch until cancelled (lib/jobs.ts): read by the core's threads, which copy this environment when they start.
  process.env.FULCRUM_TEST_HOLD_JOB = 'import.commit';
  app = await startApp(dbPath);
  mapId = (await ask(app.core, 'journeys.list', {}))[0]!.id;
});
afterAll(async () => {
  delete process.env.FULCRUM_TEST_HOLD_JOB;
  await app?.close();
});

describe('journey map measure as a job', () => {
  it('shows a progress bar while measuring, cancels, and measures again', async () => {
    const page = await app.open(`journeys/${mapId}`, { viewport: { width: 1440, height: 900 } });
    await expect.poll(() => page.getByTestId('card-n').first().innerText()).not.toBe('…');

    // The core busy for a while, then a new period: its measure waits behind the writes.
    const contact = (await ask(app.core, 'contacts.list', { pageSize: 1 })).rows[0]!;
    // 4,000 of them: on an idle machine 1,500 drained before the Cancel's click landed (CI saw it once).
    const writes = Array.from({ length: 4000 }, (_, i) => app.core.dispatch('contacts.update', { id: contact.id, title: `Title ${i}` }));
    await page.getByTestId('map-period').selectOption('last6');
    const progress = page.getByTestId('measure-progress');
    await progress.waitFor();
    expect(await progress.getByRole('progressbar').count()).toBe(1);
    // Cancel at once (the queue ahead of the measure drains while a picture is taken). Forced: the bar's
    // label changes as it counts, so the button moves and Playwright's wait for a still element can outlast the queue.
    await page.getByTestId('measure-progress-cancel').click({ force: true });
    await app.screenshot(page, 'journeys-measure-progress');

    // The measure answers CANCELLED once its turn comes: the screen says so and offers to measure again.
    await Promise.all(writes);
    await page.getByTestId('measure-cancelled').waitFor();
    await app.screenshot(page, 'journeys-measure-cancelled');
    await page.getByTestId('measure-again').click();
    await page.getByTestId('measure-cancelled').waitFor({ state: 'detached' });
    // Measured: the cards' counts replace the '…' they show without numbers.
    await expect.poll(() => page.getByTestId('card-n').first().innerText()).not.toBe('…');
    expect(await page.getByTestId('measure-progress').count()).toBe(0);
    await page.close();
  });
});

describe('journey map during a long write', () => {
  it('draws the last committed state beside the write’s bar while an import runs, and the window answers', async () => {
    const page = await app.open(`journeys/${mapId}`, { viewport: { width: 1440, height: 900 } });
    await expect.poll(() => page.getByTestId('card-n').first().innerText()).not.toBe('…');
    expect(await page.getByTestId('long-write').count()).toBe(0);

    // The smb segment over the default period, as the core measures it before the write.
    const today = now();
    const scope = {
      from: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)).toISOString().slice(0, 10),
      to: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1)).toISOString().slice(0, 10),
      segment: 'smb',
    };
    const before = await ask(app.core, 'journeys.measure', { id: mapId, ...scope });
    const ticketsBefore = (await ask(app.core, 'tickets.list', { pageSize: 1 })).total;

    // 600 tickets of this month on the workspace's accounts (found by name), held after its first batch: its rows are written, not committed.
    const accounts = (await ask(app.core, 'accounts.list', { pageSize: 20 })).rows;
    const opened = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1, 9)).toISOString();
    const rows = Array.from({ length: 600 }, (_, i) => `E-${i},"${accounts[i % accounts.length]!.name}",Held import ${i},${opened},30,,low,email,open,4,login`);
    const path = join(folder, 'held-tickets.csv');
    writeFileSync(path, `Id,Organization,Subject,Created at,First reply time in minutes,Solved at,Priority,Via,Status,Satisfaction Score,Tags\n${rows.join('\n')}\n`);
    const importing = app.core.dispatch('import.commit', { jobId: 'e2e-held', path, into: 'tickets', preset: 'helpdesk-tickets' });

    // The write's bar on the map, with where the import is (its first batch, from the core).
    const bar = page.getByTestId('long-write-progress');
    await bar.waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await ask(app.core, 'jobs.running', {})).progress?.find((job) => job.channel === 'import.commit')?.done).toBe(600);
    await expect.poll(() => bar.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('600');
    expect(await page.getByTestId('long-write-note').innerText()).toContain('as they were before this write started');

    // A new measure while the writer is held: the reader answers it, from the last committed state.
    await page.getByTestId('map-segment').selectOption('smb');
    const technical = before.touchpoints.find((t) => t.volume > 0)!;
    const name = (await ask(app.core, 'journeys.get', { id: mapId })).stages.flatMap((s) => s.touchpoints).find((t) => t.id === technical.journeyTouchpointId)!.name;
    const card = page.locator('[data-testid=journey-card]', { hasText: name }).first();
    await expect.poll(() => card.getByTestId('card-n').innerText(), { timeout: 30_000 }).toContain(`${technical.volume.toLocaleString('en-US')} records`);
    expect(await ask(app.core, 'journeys.measure', { id: mapId, ...scope })).toEqual(before);
    await app.screenshot(page, 'journeys-during-long-write');

    // The window answers: a dialog opens and closes from the keyboard, and the app navigates away and back.
    await page.getByRole('button', { name: 'Edit map' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: '← Journeys' }).click();
    await page.getByTestId('map-row').first().waitFor();
    await page.goBack();
    // The map opened again picks the running write up (jobs.running) and shows its bar again.
    await bar.waitFor();
    await expect.poll(() => page.getByTestId('card-n').first().innerText()).not.toBe('…');

    // Cancelled from the map's bar: nothing of the import is kept, and the bar goes.
    await bar.getByTestId('long-write-progress-cancel').click();
    expect(await importing).toMatchObject({ ok: true, value: { committed: false, cancelled: true } });
    await page.getByTestId('long-write').waitFor({ state: 'detached' });
    expect((await ask(app.core, 'tickets.list', { pageSize: 1 })).total).toBe(ticketsBefore);
    await page.close();
  });
});
