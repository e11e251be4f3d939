import type { JourneyMap, MeasureResult } from '../../../../shared/contract/journeys';
import regularUrl from '../../../../resources/fonts/DejaVuSans.ttf?url';
import boldUrl from '../../../../resources/fonts/DejaVuSans-Bold.ttf?url';
import { mapLayout, type MapLayout } from './mapLayout';

// The map as a PDF file, drawn from the same shapes as the PNG (mapLayout) with pdf-lib, in DejaVu
// Sans embedded as a subset: the text stays text (selectable, searchable, found by pdftotext), and
// the ★, arrows and accented names print, which the PDF standard fonts (WinAnsi only) cannot.
// pdf-lib, fontkit and the fonts load on the first export, not with the app.

const fetchBytes = async (url: string) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the PDF font could not be loaded (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
};

/** A rounded rectangle as an SVG path in the layout's coordinates (pdf-lib draws paths with y downwards from the origin given). */
const roundedRect = (x: number, y: number, w: number, h: number, r: number) =>
  r <= 0
    ? `M${x},${y} h${w} v${h} h${-w} Z`
    : `M${x + r},${y} h${w - 2 * r} a${r},${r} 0 0 1 ${r},${r} v${h - 2 * r} a${r},${r} 0 0 1 ${-r},${r} h${-(w - 2 * r)} a${r},${r} 0 0 1 ${-r},${-r} v${-(h - 2 * r)} a${r},${r} 0 0 1 ${r},${-r} Z`;

/** The PDF's bytes: one page the size of the drawing (1 px = 1 pt), landscape for any map with more than one stage. */
export async function mapPdf(map: JourneyMap, measure: MeasureResult | undefined, subtitle: string): Promise<Uint8Array> {
  const [{ PDFDocument, rgb }, { default: fontkit }, regularBytes, boldBytes] = await Promise.all([
    import('pdf-lib'),
    import('@pdf-lib/fontkit'),
    fetchBytes(regularUrl),
    fetchBytes(boldUrl),
  ]);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(map.name);
  doc.setSubject(subtitle);
  doc.setCreator('Fulcrum');
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const font = (isBold: boolean) => (isBold ? bold : regular);
  // Widths from the embedded font itself, so fitting a text to its card is exact in the PDF.
  const layout: MapLayout = mapLayout(map, measure, subtitle, (text, size, isBold) => font(isBold).widthOfTextAtSize(text, size));
  const page = doc.addPage([layout.width, layout.height]);
  const top = layout.height;
  const color = (hex: string) => rgb(parseInt(hex.slice(1, 3), 16) / 255, parseInt(hex.slice(3, 5), 16) / 255, parseInt(hex.slice(5, 7), 16) / 255);
  for (const s of layout.shapes) {
    if (s.kind === 'rect')
      page.drawSvgPath(roundedRect(s.x, s.y, s.width, s.height, s.radius), {
        x: 0,
        y: top,
        color: color(s.fill),
        ...(s.stroke ? { borderColor: color(s.stroke), borderWidth: s.strokeWidth ?? 1 } : {}),
      });
    else if (s.kind === 'text') page.drawText(s.text, { x: s.x, y: top - s.y, size: s.size, font: font(s.bold), color: color(s.color) });
    else if (s.kind === 'line')
      page.drawLine({
        start: { x: s.x1, y: top - s.y1 },
        end: { x: s.x2, y: top - s.y2 },
        thickness: 1,
        color: color(s.color),
        ...(s.dash ? { dashArray: [s.dash, s.dash] } : {}),
      });
    else if (s.kind === 'polyline') page.drawSvgPath(`M${s.points.map((p) => `${p.x},${p.y}`).join(' L')}`, { x: 0, y: top, borderColor: color(s.color), borderWidth: s.width });
    else page.drawCircle({ x: s.x, y: top - s.y, size: s.r, color: color(s.color) });
  }
  return doc.save();
}
