// The assessment report as PDF in the desktop app: the core builds the HTML, a hidden window with
// scripts off prints it with Chromium's own printToPDF (the same engine as the browser build and
// the tests), and the user picks where to save it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { Result } from '../../shared/rpc';
import type { Dispatch } from '../core';
import { hardenWebContents } from './hardening';

/** The hidden printer window: scripts off, and the main window's refusals (hardening.ts): no navigation, no new windows, no webviews. */
export function createPrinter(): BrowserWindow {
  const printer = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false, navigateOnDragDrop: false },
  });
  hardenWebContents(printer.webContents);
  return printer;
}

async function printHtml(html: string): Promise<Buffer> {
  const printer = createPrinter();
  try {
    await printer.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await printer.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    printer.destroy();
  }
}

export function reportPdfChannels(window: () => BrowserWindow | undefined) {
  return {
    'assessments.savePdf': async (input: unknown, dispatch: Dispatch): Promise<Result<unknown>> => {
      const report = await dispatch('assessments.report', input);
      if (!report.ok) return report;
      const { name, html } = report.value as { name: string; html: string };
      const options = { title: 'Save the report as PDF', defaultPath: join(app.getPath('documents'), `${name}.pdf`), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const parent = window();
      const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: true, value: { path: null } };
      await writeFile(choice.filePath, await printHtml(html));
      return { ok: true, value: { path: choice.filePath } };
    },
  };
}
