// Pure: the time-zone suffix of a date-time cell -> minutes east of UTC, or null when it cannot be
// known. Exports write offsets (+02:00, +0200, Z), GMT/UTC offsets (Google Forms' own download:
// "9:15:02 AM GMT+1", "GMT+5:30", "GMT-4") or abbreviations ("11:07:29 AM EST"). Only
// abbreviations that name one offset are read: AST (Atlantic or Arabia), IST (India, Ireland or
// Israel), CST (US Central or China) and BST (British or Bangladesh) are refused, never guessed.

const ABBREVIATIONS: Record<string, number> = {
  Z: 0,
  UTC: 0,
  GMT: 0,
  UT: 0,
  WET: 0,
  WEST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

/** +02, +0200, +02:00, and after GMT/UTC also +1, +5:30. */
const NUMERIC = /^(?:(?:GMT|UTC)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Minutes east of UTC; null for a zone that names no single offset (or none at all). */
export function zoneMinutes(zone: string | null): number | null {
  if (zone === null || zone === '') return 0;
  const upper = zone.trim().toUpperCase();
  if (upper in ABBREVIATIONS) return ABBREVIATIONS[upper]!;
  const match = NUMERIC.exec(upper);
  if (!match) return null;
  // A bare +2 (one digit, no GMT) is not an offset any export writes: only GMT/UTC take short hours.
  if (match[2]!.length === 1 && !/^(?:GMT|UTC)/.test(upper)) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  const total = hours * 60 + minutes;
  return match[1] === '-' ? -total : total;
}
