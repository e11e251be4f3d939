import type { Context } from '../context';
import { readSettings } from '../db/settings';
import type { AgeBasis } from './lifecycle';

/** Requests are aged against now and the SLA the programme set in settings. */
export const ageBasis = (ctx: Context): AgeBasis => ({ now: ctx.now(), slaDays: readSettings(ctx.sqlite).leverage.requestSlaDays });
