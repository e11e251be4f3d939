import { describe, expect, it, vi } from 'vitest';

// Electron cannot be launched here: a stand-in records what the printer window is given (issue 12:
// the PDF printer gets the main window's refusals, from the same hardening.ts).
const made = vi.hoisted(() => ({ windows: [] as { options: unknown; handlers: Record<string, (event: unknown) => void>; openHandler?: (details: { url: string }) => unknown }[] }));

vi.mock('electron', () => {
  class BrowserWindow {
    record: (typeof made.windows)[number];
    webContents: unknown;
    constructor(options: unknown) {
      this.record = { options, handlers: {} };
      made.windows.push(this.record);
      const record = this.record;
      this.webContents = {
        on: (name: string, handler: (event: unknown) => void) => (record.handlers[name] = handler),
        setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (record.openHandler = handler),
        printToPDF: async () => Buffer.from('%PDF'),
      };
    }
    loadURL = async () => {};
    destroy = () => {};
  }
  return { BrowserWindow, shell: { openExternal: vi.fn(async () => {}) }, app: { getPath: () => '/tmp' }, dialog: {} };
});

describe('the report PDF printer window', () => {
  it('refuses navigation, new windows and webviews, with scripts off and the sandbox on', async () => {
    const { createPrinter } = await import('./reportPdf');
    createPrinter();
    const printer = made.windows.at(-1)!;
    expect(printer.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(printer.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(printer.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    for (const url of ['https://example.com/', 'app://fulcrum/index.html', 'file:///etc/passwd']) {
      const event = { url, isMainFrame: true, preventDefault: vi.fn() };
      printer.handlers['will-frame-navigate']!(event);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    printer.handlers['will-attach-webview']!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});
