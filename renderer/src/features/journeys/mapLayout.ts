import type { JourneyMap, MeasureResult } from '../../../../shared/contract/journeys';
import { cardCounts, cardFigure, VERDICT_COLORS } from './journeyFormat';

// The map as a list of shapes, from the data alone: the SVG (PNG export) and the PDF export draw the
// same list, so both files show one layout. Coordinates are the SVG's: y grows downwards, text y is
// its baseline.

/** A stage column's width: widened up to MAX_COLUMN so the cards' lines fit whole, cut with an ellipsis beyond. */
const BASE_COLUMN = 200;
const MAX_COLUMN = 300;
const GAP = 12;
const CARD_H = 64;
const HEADER_H = 64;
const LANE_LABEL_W = 90;
const CURVE_H = 120;

/** A text's width in pixels at a size and weight, in the drawing's font. */
export type MeasureText = (text: string, fontSize: number, bold: boolean) => number;

/** Without a canvas (tests): a generous average glyph width, so an estimate errs towards cutting. */
export const estimateText: MeasureText = (text, fontSize, bold) => text.length * fontSize * (bold ? 0.66 : 0.6);

export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; radius: number; fill: string; stroke?: string; strokeWidth?: number }
  | { kind: 'text'; x: number; y: number; size: number; bold: boolean; color: string; text: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; dash?: number }
  | { kind: 'polyline'; points: { x: number; y: number }[]; color: string; width: number }
  | { kind: 'circle'; x: number; y: number; r: number; color: string };

export interface MapLayout {
  width: number;
  height: number;
  shapes: Shape[];
}

export const LEGEND = '★ moment of truth · green meets target · amber just below · red below · grey no data · white no target';

/** Cuts a text to fit `width` pixels, with an ellipsis: card and stage texts stay inside their box (the PNG clipped them). */
export function fitWidth(text: string, width: number, fontSize: number, bold: boolean, measure: MeasureText): string {
  if (measure(text, fontSize, bold) <= width) return text;
  let end = text.length;
  while (end > 1 && measure(`${text.slice(0, end)}…`, fontSize, bold) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** The map's shapes; `measure` gives text widths in the font the shapes will be drawn in, so no text runs past its box or the drawing's edge. */
export function mapLayout(map: JourneyMap, measure: MeasureResult | undefined, subtitle: string, text: MeasureText = estimateText): MapLayout {
  const byId = new Map(measure?.touchpoints.map((m) => [m.journeyTouchpointId, m]));
  const cards = map.stages.flatMap((s) => s.touchpoints);
  const title = (t: (typeof cards)[number]) => `${t.isMomentOfTruth ? '★ ' : ''}${t.name}`;
  const counts = (t: (typeof cards)[number]) => {
    const m = byId.get(t.id);
    return m ? cardCounts(t, m) : '';
  };
  const widest = Math.max(0, ...cards.map((t) => Math.max(text(title(t), 12, true), text(cardFigure(t.target, byId.get(t.id)), 12, false), text(counts(t), 10, false))));
  const column = Math.min(MAX_COLUMN, Math.max(BASE_COLUMN, Math.ceil(widest + 16)));
  const stageById = new Map(measure?.stages.map((m) => [m.journeyStageId, m]));
  const lanes = (['front', 'back'] as const).map((lane) => ({
    lane,
    rows: Math.max(1, ...map.stages.map((s) => s.touchpoints.filter((t) => t.lane === lane).length)),
  }));
  const laneTop = (index: number) => HEADER_H + 40 + lanes.slice(0, index).reduce((sum, l) => sum + l.rows * (CARD_H + GAP) + 28, 0);
  const lanesBottom = laneTop(lanes.length);
  // Wide enough for the stage columns and for the title, subtitle and legend, which are never cut.
  const width = Math.ceil(
    Math.max(LANE_LABEL_W + map.stages.length * (column + GAP) + GAP, 32 + Math.max(text(map.name, 20, true), text(subtitle, 12, false), text(LEGEND, 10, false))),
  );
  const height = lanesBottom + CURVE_H + 40;
  const x = (stage: number) => LANE_LABEL_W + GAP + stage * (column + GAP);
  const fit = (value: string, size: number, bold: boolean) => fitWidth(value, column - 16, size, bold, text);
  const shapes: Shape[] = [{ kind: 'rect', x: 0, y: 0, width, height, radius: 0, fill: '#ffffff' }];
  shapes.push({ kind: 'text', x: 16, y: 28, size: 20, bold: true, color: '#1c2430', text: map.name });
  shapes.push({ kind: 'text', x: 16, y: 50, size: 12, bold: false, color: '#5b6675', text: subtitle });

  map.stages.forEach((stage, s) => {
    shapes.push({ kind: 'rect', x: x(s), y: HEADER_H, width: column, height: 30, radius: 4, fill: '#18202b' });
    shapes.push({ kind: 'text', x: x(s) + 10, y: HEADER_H + 20, size: 13, bold: true, color: '#ffffff', text: fitWidth(stage.name, column - 20, 13, true, text) });
  });
  lanes.forEach(({ lane }, l) => {
    const top = laneTop(l);
    shapes.push({ kind: 'text', x: 10, y: top + 18, size: 11, bold: true, color: '#5b6675', text: lane === 'front' ? 'FRONT STAGE' : 'BACK STAGE' });
    if (l > 0) shapes.push({ kind: 'line', x1: 8, x2: width - 8, y1: top - 14, y2: top - 14, color: '#c5ccd6', dash: 4 });
    map.stages.forEach((stage, s) => {
      stage.touchpoints
        .filter((t) => t.lane === lane)
        .forEach((touchpoint, row) => {
          const m = byId.get(touchpoint.id);
          const colors = VERDICT_COLORS[m?.verdict ?? 'no_target'];
          const cx = x(s);
          const cy = top + row * (CARD_H + GAP);
          shapes.push({
            kind: 'rect',
            x: cx,
            y: cy,
            width: column,
            height: CARD_H,
            radius: 6,
            fill: colors.fill,
            stroke: colors.stroke,
            strokeWidth: touchpoint.isMomentOfTruth ? 2.5 : 1,
          });
          shapes.push({ kind: 'text', x: cx + 8, y: cy + 18, size: 12, bold: true, color: '#1c2430', text: fit(title(touchpoint), 12, true) });
          shapes.push({ kind: 'text', x: cx + 8, y: cy + 38, size: 12, bold: false, color: colors.text, text: fit(cardFigure(touchpoint.target, m), 12, false) });
          if (m) shapes.push({ kind: 'text', x: cx + 8, y: cy + 55, size: 10, bold: false, color: '#5b6675', text: fit(counts(touchpoint), 10, false) });
        });
    });
  });

  // The emotion line: mean satisfaction 0-100 per stage, drawn under the stage columns.
  const top = lanesBottom + 10;
  const y = (value: number) => top + CURVE_H - 20 - (value / 100) * (CURVE_H - 40);
  shapes.push({ kind: 'text', x: 10, y: top + 14, size: 11, bold: true, color: '#5b6675', text: 'SATISFACTION' });
  shapes.push({ kind: 'line', x1: LANE_LABEL_W, x2: width - GAP, y1: y(50), y2: y(50), color: '#edf0f3' });
  const points = map.stages.flatMap((stage, s) => {
    const value = stageById.get(stage.id)?.satisfaction;
    return value === null || value === undefined ? [] : [{ x: x(s) + column / 2, y: y(value), value }];
  });
  if (points.length > 1) shapes.push({ kind: 'polyline', points: points.map((p) => ({ x: p.x, y: p.y })), color: '#2554c7', width: 2 });
  for (const p of points) {
    shapes.push({ kind: 'circle', x: p.x, y: p.y, r: 4, color: '#2554c7' });
    shapes.push({ kind: 'text', x: p.x + 7, y: p.y - 6, size: 10, bold: false, color: '#1c2430', text: String(Math.round(p.value)) });
  }
  shapes.push({ kind: 'text', x: 16, y: height - 12, size: 10, bold: false, color: '#5b6675', text: LEGEND });
  return { width, height, shapes };
}
