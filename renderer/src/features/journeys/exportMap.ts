import type { JourneyMap, MeasureResult } from '../../../../shared/contract/journeys';
import { downloadFile } from '../../lib/download';
import { mapPdf } from './mapPdf';
import { canvasFont, estimateText, type MapDrawing, type MeasureText } from './mapSvg';

// Export of the map for a workshop: a PNG drawn from the SVG through a canvas, and a PDF file drawn
// from the same layout with pdf-lib (a print dialog gave no file in the browser build, and none
// without a click in the desktop one).

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

/** The map as a PDF file, drawn from the same layout as the PNG, downloaded in both builds (no print dialog). */
export async function exportPdf(map: JourneyMap, measure: MeasureResult | undefined, subtitle: string): Promise<void> {
  const bytes = await mapPdf(map, measure, subtitle);
  // A copy on a plain ArrayBuffer, which is what a Blob takes.
  downloadFile(`${fileName(map.name)}.pdf`, 'application/pdf', bytes.slice());
}
