import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { TODAY } from './today';
import { ask, demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(60));
});
afterAll(() => app?.close());

describe('settings', () => {
  it('checks the form before saving, with each error beside its field', async () => {
    const page = await app.open('settings');
    await page.getByTestId('input-weight-satisfaction').waitFor();
    await page.getByTestId('input-redBelow').fill('80');
    await page.getByTestId('input-weight-support').fill('lots');
    await page.getByTestId('input-slaTargets.urgent.firstResponseHours').fill('0');
    await page.getByTestId('settings-save').click();
    expect(await page.getByTestId('error-health.redBelow').innerText()).toBe('must not be above the amber threshold');
    expect(await page.getByTestId('error-health.weights.support').innerText()).toBe('must be a number');
    expect(await page.getByTestId('error-slaTargets.urgent.firstResponseHours').innerText()).toBe('must be more than 0 hours');
    // Focus goes to the first field in error.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await app.screenshot(page, 'settings-errors');
    // Nothing was stored.
    expect((await ask(app.core, 'settings.get', {})).health.redBelow).toBe(50);
    await page.getByTestId('settings-discard').click();
    expect(await page.getByTestId('input-redBelow').inputValue()).toBe('50');
    await page.close();
  });

  it('new weights change the model: saving recomputes, and the account shows its new score and model version', async () => {
    const portfolio = await ask(app.core, 'metrics.portfolio', {});
    const id = portfolio.health.atRisk[0]!.accountId;
    const before = await ask(app.core, 'health.explain', { id });
    // Weigh most what this account does best, so its score must move.
    const best = [...before.components].filter((c) => c.score !== null).sort((a, b) => b.score! - a.score!)[0]!;

    const page = await app.open('settings');
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.getByTestId('model-version').waitFor();
    expect(await page.getByTestId('model-version').innerText()).toBe(before.modelVersion);
    await page.getByTestId(`input-weight-${best.id}`).fill('90');
    // The shares follow the weights as they are typed.
    const total = before.components.reduce((sum, c) => sum + (c.id === best.id ? 90 : c.weight), 0);
    expect(await page.getByTestId(`share-${best.id}`).innerText()).toBe(`${Math.round((90 / total) * 100)}%`);
    await page.getByTestId('settings-save').click();
    await page.getByTestId('recompute-done').waitFor();
    const after = await ask(app.core, 'health.explain', { id });
    expect(after.modelVersion).not.toBe(before.modelVersion);
    expect(after.score).not.toBe(before.score);
    expect(await page.getByTestId('recompute-version').innerText()).toBe(after.modelVersion);
    expect(await page.getByTestId('recompute-previous-version').innerText()).toBe(before.modelVersion);
    expect((await ask(app.core, 'settings.get', {})).health.weights[best.id]).toBe(90);
    await app.screenshot(page, 'settings-saved-recomputed');

    // A recompute on request shows its progress and ends in a clear done state.
    await page.getByTestId('recompute-start').click();
    await page.getByTestId('recompute-done').waitFor();
    expect(await page.getByTestId('recompute-done').innerText()).toMatch(/^✓ Recomputed \d+ accounts with model/);

    await page.getByTestId('nav-accounts').click();
    await page.goto(`${app.bridge.url}/#/accounts/${id}`);
    await page.getByTestId('health-components').waitFor();
    expect(await page.getByTestId('health-model-version').innerText()).toBe(after.modelVersion);
    expect(await page.getByTestId('health-score').innerText()).toBe(String(Math.round(after.score!)));
    expect(await page.getByTestId(`health-component-${best.id}`).locator('td.num').first().innerText()).toMatch(/^90 \(/);
    await page.close();
  });

  it("sets the workspace's time zone with business hours off, and reference fatigue counts today in it", async () => {
    const page = await app.open('settings');
    await page.getByTestId('input-businessHours-timeZone').waitFor();
    expect(await page.getByTestId('input-businessHours-enabled').isChecked()).toBe(false);
    // Editable whatever the business-hours switch says (the working-schedule fields stay disabled).
    expect(await page.getByTestId('input-businessHours-timeZone').isEnabled()).toBe(true);
    expect(await page.getByTestId('input-businessHours-start').isEnabled()).toBe(false);
    await page.getByTestId('input-businessHours-timeZone').fill('Mars/Olympus');
    await page.getByTestId('settings-save').click();
    expect(await page.getByTestId('error-businessHours.timeZone').innerText()).toBe('is not a time zone such as Europe/Berlin');
    await page.getByTestId('input-businessHours-timeZone').fill('Pacific/Kiritimati');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-notice').waitFor();
    await page.getByTestId('settings-business-hours').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'settings-time-zone');
    const stored = await ask(app.core, 'settings.get', {});
    expect(stored.businessHours).toMatchObject({ enabled: false, timeZone: 'Pacific/Kiritimati' });
    // UTC+14: the tests' clock is noon UTC on TODAY, already 02:00 the next day on Kiritimati, and a reference's availability is asked on that local day.
    const refs = await ask(app.core, 'references.list', { page: 1, pageSize: 500 });
    const withContact = refs.rows.find((r) => r.contactId !== null)!;
    const answer = await ask(app.core, 'leverage.availability', { referenceId: withContact.id });
    expect(answer.on).toBe(new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
    await page.close();
  });

  it('resets to the defaults after a confirmation', async () => {
    const page = await app.open('settings');
    await page.getByTestId('settings-reset').click();
    await page.getByTestId('settings-reset-confirm').waitFor();
    await app.screenshot(page, 'settings-reset-confirm');
    await page.getByTestId('settings-reset-confirm-confirm').click();
    await page.getByTestId('settings-notice').waitFor();
    expect(await page.getByTestId('settings-notice').innerText()).toBe('Settings reset to their defaults.');
    const stored = await ask(app.core, 'settings.get', {});
    expect(stored.health.weights).toEqual({ satisfaction: 30, support: 20, adoption: 20, engagement: 15, renewal: 15 });
    expect(await page.getByTestId('input-weight-satisfaction').inputValue()).toBe('30');
    await page.close();
  });
});
