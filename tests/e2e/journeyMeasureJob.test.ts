import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// Issue 14: a journey map's measure is a long job on a large workspace. While it runs the map shows
// a progress bar with Cancel; a cancelled measure says so and measures again on request. To hold
// the measure long enough on a small demo, the test queues writes on the core first (contact
// edits: the map does not listen to contacts, and they are no long job, so reads stay on the
// writer): the measure waits behind them on the core's one connection, as it would behind a cold
// read of two million tickets.

let app: App;
let mapId: number;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(40));
  mapId = (await ask(app.core, 'journeys.list', {}))[0]!.id;
});
afterAll(() => app?.close());

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
