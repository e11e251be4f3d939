import type { JourneyMap, MeasureResult } from '../../../../shared/contract/journeys';
import { estimateText, mapLayout, type MapLayout, type MeasureText } from './mapLayout';

// The map as one SVG drawing (the PNG export draws it through a canvas); the shapes come from
// mapLayout, which the PDF export draws too. The screen itself is HTML.

export { estimateText, type MeasureText } from './mapLayout';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The drawing's font for a canvas's measureText. */
export const canvasFont = (fontSize: number, bold: boolean) => `${bold ? '700 ' : ''}${fontSize}px ${FONT}`;

export interface MapDrawing {
  svg: string;
  width: number;
  height: number;
}

/** One layout as SVG markup. Bold is drawn at 600 (700 for the title), no wider than the 700 it is measured at. */
export function layoutSvg({ width, height, shapes }: MapLayout): string {
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`];
  for (const s of shapes) {
    if (s.kind === 'rect')
      out.push(
        `<rect x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}"${s.radius ? ` rx="${s.radius}"` : ''} fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}" stroke-width="${s.strokeWidth ?? 1}"` : ''}/>`,
      );
    else if (s.kind === 'text')
      out.push(`<text x="${s.x}" y="${s.y}" font-size="${s.size}"${s.bold ? ` font-weight="${s.size >= 20 ? 700 : 600}"` : ''} fill="${s.color}">${escapeXml(s.text)}</text>`);
    else if (s.kind === 'line')
      out.push(`<line x1="${s.x1}" x2="${s.x2}" y1="${s.y1}" y2="${s.y2}" stroke="${s.color}"${s.dash ? ` stroke-dasharray="${s.dash} ${s.dash}"` : ''}/>`);
    else if (s.kind === 'polyline') out.push(`<polyline points="${s.points.map((p) => `${p.x},${p.y}`).join(' ')}" fill="none" stroke="${s.color}" stroke-width="${s.width}"/>`);
    else out.push(`<circle cx="${s.x}" cy="${s.y}" r="${s.r}" fill="${s.color}"/>`);
  }
  out.push('</svg>');
  return out.join('');
}

/** The map as SVG; `text` measures widths (a canvas in the app) so no text runs past its box or the drawing's edge. */
export function mapSvg(map: JourneyMap, measure: MeasureResult | undefined, subtitle: string, text: MeasureText = estimateText): MapDrawing {
  const layout = mapLayout(map, measure, subtitle, text);
  return { svg: layoutSvg(layout), width: layout.width, height: layout.height };
}
