import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// Issue 17: the product feedback board's Export XLSX downloads the core's readable workbook (the
// demo carries requests): the same cells as feedbackRequests.export gives.

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
});
afterAll(() => app?.close());

async function cells(bytes: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const rows: unknown[][] = [];
  book.getWorksheet('Requests')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('product feedback export', () => {
  it('downloads the board as the core’s readable XLSX', async () => {
    const expected = await ask(app.core, 'feedbackRequests.export', { format: 'xlsx' });
    const board = await ask(app.core, 'feedbackRequests.table', {});
    expect(board.rows.length, 'the demo carries requests').toBeGreaterThan(0);
    const page = await app.open('feedback');
    const button = page.getByTestId('export-requests-xlsx');
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(expected.filename);
    const saved = await cells(readFileSync(await download.path()));
    expect(saved).toEqual(await cells(Buffer.from(expected.content, 'base64')));
    expect(saved[0]![0]).toBe('Request');
    expect(saved.length).toBe(board.rows.length + 1);
    await page.close();
  });
});
