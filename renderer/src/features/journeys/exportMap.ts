import { downloadFile } from '../../lib/download';
import { canvasFont, estimateText, type MapDrawing, type MeasureText } from './mapSvg';

// Export of the map for a workshop: a PNG drawn from the SVG through a canvas, and a PDF through
// the print dialog of a page holding only the drawing (Chromium and Electron print to PDF).

const fileName = (name: string) =>
  name
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'journey-map';

/** Text widths as the browser draws them (mapSvg fits each text to its box with it); the estimate where no canvas can measure. */
export function canvasMeasure(): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return estimateText;
  return (text, fontSize, bold) => {
    context.font = canvasFont(fontSize, bold);
    // A little room for the SVG's own text rendering, which may differ from the canvas's by a pixel or two.
    return context.measureText(text).width * 1.04;
  };
}

/** The drawing as PNG at twice its size, so it stays sharp on a projector. */
export async function exportPng(drawing: MapDrawing, name: string): Promise<void> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([drawing.svg], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the map could not be drawn as an image'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = drawing.width * scale;
    canvas.height = drawing.height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this window cannot draw images');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the image could not be encoded as PNG');
    downloadFile(`${fileName(name)}.png`, 'image/png', blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Prints the drawing alone, landscape, scaled to the page: "Save as PDF" in the print dialog gives
 * the PDF. The drawing goes into a print-only element of this page (no new window: the app denies
 * those), which the print style shows while hiding everything else.
 */
export function printMap(drawing: MapDrawing): void {
  const holder = document.createElement('div');
  holder.className = 'journey-print';
  holder.setAttribute('data-testid', 'journey-print');
  holder.innerHTML = drawing.svg;
  document.body.append(holder);
  document.body.classList.add('printing-journey');
  const done = () => {
    holder.remove();
    document.body.classList.remove('printing-journey');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
