import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeProblem } from '../../shared/contract/import';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// Issue 13: a references file whose stage the app would refuse (active without the contact's
// consent) is imported at the last legal stage, and the Import screen says so before the import
// (the preview) and after it (the summary), in the core's words.

let app: App;
let folder: string;
beforeAll(async () => {
  const path = await demoWorkspace(20);
  folder = dirname(path);
  app = await startApp(path);
});
afterAll(() => app?.close());

it('previews and imports a reference at the last legal stage, with the warning shown', async () => {
  const account = await ask(app.core, 'accounts.create', { name: 'Stagecraft Oy', externalId: 'E2E-STAGE' });
  await ask(app.core, 'contacts.create', { accountId: account.id, name: 'Stella Stage', email: 'stella@stagecraft.example' });
  const csv = 'Account,Contact Email,Stage\nE2E-STAGE,stella@stagecraft.example,active\n';
  // The same file beside the workspace, where the bridge lets the core read it: the expected words are the core's.
  const copy = join(folder, 'references-stage.csv');
  writeFileSync(copy, csv);
  const expected = await ask(app.core, 'import.preview', { path: copy, into: 'references' });
  expect(expected.warnings).toHaveLength(1);
  const [warning] = expected.warnings!;

  const page = await app.open('import');
  await page.setViewportSize({ width: 1440, height: 1200 });
  await page.getByTestId('import-target').selectOption('references');
  await page.getByTestId('import-file').setInputFiles({ name: 'references-stage.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect.poll(() => page.getByTestId('import-file-name').innerText()).toContain('references-stage.csv');
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-counts').waitFor();
  const row = page.getByTestId('import-warnings-row');
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.getAttribute('title')).toBe(describeProblem(warning!));
  expect(await row.innerText()).toContain(warning!.message);
  expect(await page.getByTestId('count-errors').innerText()).toBe('0');
  await app.screenshot(page, 'import-reference-stage-preview');

  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').waitFor();
  expect(await page.getByTestId('import-done-warnings-row').innerText()).toContain(warning!.message);
  await app.screenshot(page, 'import-reference-stage-done');
  const stored = await ask(app.core, 'references.list', { pageSize: 10, filter: { accountId: account.id } });
  expect(stored.rows.map((reference) => reference.stage)).toEqual(['nominated']);
  await page.close();
});
