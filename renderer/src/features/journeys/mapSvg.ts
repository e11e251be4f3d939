import type { JourneyMap, MeasureResult } from '../../../../shared/contract/journeys';
import { cardCounts, cardFigure, VERDICT_COLORS } from './journeyFormat';

// The map as one SVG drawing, from the data alone: the export (PNG through a canvas, PDF through
// the print dialog) and its test use it; the screen itself is HTML.

const COLUMN = 200;
const GAP = 12;
const CARD_H = 64;
const HEADER_H = 64;
const LANE_LABEL_W = 90;
const CURVE_H = 120;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A text's width in pixels at a size and weight, in the drawing's font. */
export type MeasureText = (text: string, fontSize: number, bold: boolean) => number;

/** Without a canvas (tests): a generous average glyph width, so an estimate errs towards cutting. */
export const estimateText: MeasureText = (text, fontSize, bold) => text.length * fontSize * (bold ? 0.66 : 0.6);

/** The drawing's font for a canvas's measureText. */
export const canvasFont = (fontSize: number, bold: boolean) => `${bold ? '700 ' : ''}${fontSize}px ${FONT}`;

/** Cuts a text to fit `width` pixels, with an ellipsis: card and stage texts stay inside their box (the PNG clipped them). */
function fitWidth(text: string, width: number, fontSize: number, bold: boolean, measure: MeasureText): string {
  if (measure(text, fontSize, bold) <= width) return text;
  let end = text.length;
  while (end > 1 && measure(`${text.slice(0, end)}…`, fontSize, bold) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

export interface MapDrawing {
  svg: string;
  width: number;
  height: number;
}

const LEGEND = '★ moment of truth · green meets target · amber just below · red below · grey no data · white no target';

/** The map as SVG; `text` measures widths (a canvas in the app) so no text runs past its box or the drawing's edge. */
export function mapSvg(map: JourneyMap, measure: MeasureResult | undefined, subtitle: string, text: MeasureText = estimateText): MapDrawing {
  const byId = new Map(measure?.touchpoints.map((m) => [m.journeyTouchpointId, m]));
  const stageById = new Map(measure?.stages.map((m) => [m.journeyStageId, m]));
  const lanes = (['front', 'back'] as const).map((lane) => ({
    lane,
    rows: Math.max(1, ...map.stages.map((s) => s.touchpoints.filter((t) => t.lane === lane).length)),
  }));
  const laneTop = (index: number) => HEADER_H + 40 + lanes.slice(0, index).reduce((sum, l) => sum + l.rows * (CARD_H + GAP) + 28, 0);
  const lanesBottom = laneTop(lanes.length);
  // Wide enough for the stage columns and for the title, subtitle and legend, which are never cut.
  const width = Math.ceil(
    Math.max(LANE_LABEL_W + map.stages.length * (COLUMN + GAP) + GAP, 32 + Math.max(text(map.name, 20, true), text(subtitle, 12, false), text(LEGEND, 10, false))),
  );
  const height = lanesBottom + CURVE_H + 40;
  const x = (stage: number) => LANE_LABEL_W + GAP + stage * (COLUMN + GAP);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="16" y="28" font-size="20" font-weight="700" fill="#1c2430">${escapeXml(map.name)}</text>`);
  out.push(`<text x="16" y="50" font-size="12" fill="#5b6675">${escapeXml(subtitle)}</text>`);

  map.stages.forEach((stage, s) => {
    out.push(`<rect x="${x(s)}" y="${HEADER_H}" width="${COLUMN}" height="30" rx="4" fill="#18202b"/>`);
    out.push(`<text x="${x(s) + 10}" y="${HEADER_H + 20}" font-size="13" font-weight="600" fill="#ffffff">${escapeXml(fitWidth(stage.name, COLUMN - 20, 13, true, text))}</text>`);
  });
  lanes.forEach(({ lane }, l) => {
    const top = laneTop(l);
    out.push(`<text x="10" y="${top + 18}" font-size="11" font-weight="600" fill="#5b6675">${lane === 'front' ? 'FRONT STAGE' : 'BACK STAGE'}</text>`);
    if (l > 0) out.push(`<line x1="8" x2="${width - 8}" y1="${top - 14}" y2="${top - 14}" stroke="#c5ccd6" stroke-dasharray="4 4"/>`);
    map.stages.forEach((stage, s) => {
      stage.touchpoints
        .filter((t) => t.lane === lane)
        .forEach((touchpoint, row) => {
          const m = byId.get(touchpoint.id);
          const colors = VERDICT_COLORS[m?.verdict ?? 'no_target'];
          const cx = x(s);
          const cy = top + row * (CARD_H + GAP);
          out.push(
            `<rect x="${cx}" y="${cy}" width="${COLUMN}" height="${CARD_H}" rx="6" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="${touchpoint.isMomentOfTruth ? 2.5 : 1}"/>`,
          );
          out.push(
            `<text x="${cx + 8}" y="${cy + 18}" font-size="12" font-weight="600" fill="#1c2430">${escapeXml(fitWidth(`${touchpoint.isMomentOfTruth ? '★ ' : ''}${touchpoint.name}`, COLUMN - 16, 12, true, text))}</text>`,
          );
          out.push(
            `<text x="${cx + 8}" y="${cy + 38}" font-size="12" fill="${colors.text}">${escapeXml(fitWidth(cardFigure(touchpoint.target, m), COLUMN - 16, 12, false, text))}</text>`,
          );
          out.push(
            `<text x="${cx + 8}" y="${cy + 55}" font-size="10" fill="#5b6675">${escapeXml(m ? fitWidth(cardCounts(touchpoint, m), COLUMN - 16, 10, false, text) : '')}</text>`,
          );
        });
    });
  });

  // The emotion line: mean satisfaction 0-100 per stage, drawn under the stage columns.
  const top = lanesBottom + 10;
  const y = (value: number) => top + CURVE_H - 20 - (value / 100) * (CURVE_H - 40);
  out.push(`<text x="10" y="${top + 14}" font-size="11" font-weight="600" fill="#5b6675">SATISFACTION</text>`);
  out.push(`<line x1="${LANE_LABEL_W}" x2="${width - GAP}" y1="${y(50)}" y2="${y(50)}" stroke="#edf0f3"/>`);
  const points = map.stages.flatMap((stage, s) => {
    const value = stageById.get(stage.id)?.satisfaction;
    return value === null || value === undefined ? [] : [{ x: x(s) + COLUMN / 2, y: y(value), value }];
  });
  if (points.length > 1) out.push(`<polyline points="${points.map((p) => `${p.x},${p.y}`).join(' ')}" fill="none" stroke="#2554c7" stroke-width="2"/>`);
  for (const p of points) {
    out.push(`<circle cx="${p.x}" cy="${p.y}" r="4" fill="#2554c7"/>`);
    out.push(`<text x="${p.x + 7}" y="${p.y - 6}" font-size="10" fill="#1c2430">${Math.round(p.value)}</text>`);
  }
  out.push(`<text x="16" y="${height - 12}" font-size="10" fill="#5b6675">${LEGEND}</text>`);
  out.push('</svg>');
  return { svg: out.join(''), width, height };
}
