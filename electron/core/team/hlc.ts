/**
 * The hybrid logical clock (docs/team.md "Clock"). Kept on the laptop as one integer, the
 * physical milliseconds times 65,536 plus a counter, so SQLite triggers can advance it with max();
 * sent to the hub as `<15-digit ms>:<5-digit counter>:<client id>`, which sorts as a string.
 */
export const COUNTER_SPAN = 65_536;

export function formatHlc(packed: number, clientId: string): string {
  const ms = Math.floor(packed / COUNTER_SPAN);
  const counter = packed % COUNTER_SPAN;
  return `${String(ms).padStart(15, '0')}:${String(counter).padStart(5, '0')}:${clientId}`;
}

export function parseHlc(text: string): { ms: number; counter: number; clientId: string } {
  const match = /^(\d{15}):(\d{5}):(.+)$/.exec(text);
  if (!match) throw new Error(`not a clock: ${text}`);
  return { ms: Number(match[1]), counter: Number(match[2]), clientId: match[3]! };
}

/** The packed clock after seeing `remote` (pull): past every clock seen, never behind the wall. */
export function advancePast(packed: number, remote: string, nowMs: number): number {
  const seen = parseHlc(remote);
  return Math.max(packed + 1, seen.ms * COUNTER_SPAN + seen.counter + 1, nowMs * COUNTER_SPAN);
}
