import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// Issue 15: the journey map's PNG export clipped text (card and stage names cut by a character
// count ran past their boxes, and a short map cut its own legend). The PNG must cover the whole
// drawing, and every text must lie inside the drawing and inside its card.

let app: App;
let mapId: number;
const LONG = 'Welcome call with the whole implementation steering committee';
beforeAll(async () => {
  app = await startApp(await demoWorkspace(40));
  // A map with a long title, and a stage and cards whose names are wider than their boxes.
  const map = await ask(app.core, 'journeys.create', { name: 'Enterprise onboarding for regulated healthcare customers (EMEA)' });
  mapId = map.id;
  const stage = (await ask(app.core, 'journeys.addStage', { journeyMapId: mapId, name: 'Implementation and technical onboarding' })).stages.at(-1)!;
  await ask(app.core, 'journeys.addTouchpoint', { journeyStageId: stage.id, name: LONG, isMomentOfTruth: true, target: { metric: 'csat', operator: '>=', value: 4.5 } });
  await ask(app.core, 'journeys.addTouchpoint', { journeyStageId: stage.id, name: 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWW', lane: 'back' });
});
afterAll(() => app?.close());

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('journey map export', () => {
  it('writes a PNG that covers the whole drawing, with every text inside it and inside its card', async () => {
    const page = await app.open(`journeys/${mapId}`, { viewport: { width: 1440, height: 900 } });
    await page.getByTestId('export-png').waitFor();
    await page.getByTestId('journey-card').first().waitFor();
    // The SVG the export draws on its canvas, kept as it passes through URL.createObjectURL.
    await page.evaluate(() => {
      const kept = ((window as unknown as { svgs: Blob[] }).svgs = [] as Blob[]);
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        if (blob instanceof Blob && blob.type === 'image/svg+xml') kept.push(blob);
        return create(blob);
      };
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const png = readFileSync(await download.path());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    // The same drawing, put in the page, measured by the browser.
    await page.evaluate(async () => {
      const holder = document.createElement('div');
      holder.setAttribute('data-testid', 'journey-drawing');
      holder.innerHTML = await (window as unknown as { svgs: Blob[] }).svgs[0]!.text();
      document.body.append(holder);
    });
    const geometry = await page.locator('[data-testid=journey-drawing] svg').evaluate((svg) => {
      const root = svg;
      const cards = [...root.querySelectorAll('rect[rx="6"], rect[rx="4"]')].map((r) => (r as SVGRectElement).getBBox());
      const texts = [...root.querySelectorAll('text')].map((t) => {
        const box = t.getBBox();
        return { text: t.textContent ?? '', x: box.x, y: box.y, right: box.x + box.width, bottom: box.y + box.height };
      });
      return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), cards, texts };
    });
    expect(pngSize(png)).toEqual({ width: geometry.width * 2, height: geometry.height * 2 });
    for (const text of geometry.texts) {
      expect(text.x, text.text).toBeGreaterThanOrEqual(0);
      expect(text.right, text.text).toBeLessThanOrEqual(geometry.width);
      expect(text.bottom, text.text).toBeLessThanOrEqual(geometry.height);
      const card = geometry.cards.find((c) => text.x >= c.x && text.x <= c.x + c.width && text.y >= c.y - 2 && text.y <= c.y + c.height);
      if (card) expect(text.right, text.text).toBeLessThanOrEqual(card.x + card.width);
    }
    // The long names are cut with an ellipsis, the title and legend are whole.
    expect(geometry.texts.some((t) => t.text.startsWith('★ Welcome call') && t.text.endsWith('…'))).toBe(true);
    expect(geometry.texts.map((t) => t.text)).toContain('Enterprise onboarding for regulated healthcare customers (EMEA)');
    await download.saveAs(join(process.cwd(), 'tests/artifacts/screenshots/journey-export-narrow.png'));
  });
});
