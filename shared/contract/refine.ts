import type { z } from 'zod';
import type { InputIssue } from '../rpc';

/** A rule across fields, written once as a pure function: zod runs it on input, the core on the stored row. */
export type RowRule<T> = (value: T) => InputIssue[];

export const refineWith =
  <T>(rule: RowRule<T>) =>
  (value: T, ctx: z.RefinementCtx) => {
    for (const issue of rule(value)) ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
  };

/** "renewalDate: must be a date as YYYY-MM-DD; name: is required" */
export const describeIssues = (issues: InputIssue[]) => issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
