import { afterEach, expect, it, vi } from 'vitest';
import { printHtml } from './printHtml';

const PAGE = '<!doctype html><html><head><style>@page { size: A4; }</style></head><body><article class="story-doc"><h1>Acme</h1></article></body></html>';

afterEach(() => vi.restoreAllMocks());

it('prints from a window of its own when the browser opens one', () => {
  const popup = { document: { open: vi.fn(), write: vi.fn(), close: vi.fn() }, focus: vi.fn(), print: vi.fn() };
  vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
  printHtml(PAGE);
  expect(popup.document.write).toHaveBeenCalledWith(PAGE);
  expect(popup.print).toHaveBeenCalledOnce();
});

it('prints in place, A4 rules included, when new windows are denied, and cleans up afterwards', () => {
  vi.spyOn(window, 'open').mockReturnValue(null);
  let during = '';
  // happy-dom has no print(): the desktop's is stood in for by one that looks at the page.
  Object.defineProperty(window, 'print', {
    configurable: true,
    value: () => {
      during = document.querySelector('.print-sheet')?.innerHTML ?? '';
    },
  });
  printHtml(PAGE);
  expect(during).toContain('@page { size: A4; }');
  expect(during).toContain('<h1>Acme</h1>');
  expect(document.documentElement.classList.contains('printing-sheet')).toBe(true);
  window.dispatchEvent(new Event('afterprint'));
  expect(document.querySelector('.print-sheet')).toBeNull();
  expect(document.documentElement.classList.contains('printing-sheet')).toBe(false);
});
