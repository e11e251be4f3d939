// One "today" for the end-to-end tests: the demo generator's last day of history, the core's clock
// and the browser's clock all start from it, so no result depends on the month the suite runs in.
//
// 18 November: well inside a month, so "the last three months" and "the last twelve months" are
// whole months on either side of it. FULCRUM_E2E_TODAY moves it (e.g. to the last or first day of
// a month) to check that a boundary changes nothing.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const chosen = process.env.FULCRUM_E2E_TODAY || '2026-11-18';
if (DAY.exec(chosen) === null || Number.isNaN(Date.parse(`${chosen}T00:00:00Z`))) throw new Error(`FULCRUM_E2E_TODAY must be YYYY-MM-DD, not '${chosen}'`);

/** The day the tests run "on", as YYYY-MM-DD. */
export const TODAY = chosen;

/**
 * Noon UTC of TODAY, when the test file starts: the same calendar day from UTC−11 to UTC+11, and
 * twelve hours before the date could change under a long run.
 */
const offset = Date.parse(`${TODAY}T12:00:00.000Z`) - Date.now();

/** The tests' clock: starts at noon of TODAY and runs at the speed of real time (timestamps still order). */
export const now = (): Date => new Date(Date.now() + offset);
