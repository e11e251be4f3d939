import type { ParsedInput } from '../../../shared/contract';
import { surveyScaleIssues } from '../../../shared/contract/surveyResponses';
import type { Context } from '../context';
import { crudHandlers } from '../crud/handlers';
import { getRow } from '../crud/queries';
import { CoreError } from '../errors';
import { surveyResponsesTable } from './repo';

const crud = crudHandlers('surveyResponses', surveyResponsesTable);

export const surveyResponsesHandlers = {
  ...crud,
  /** The scale depends on the kind, so an update is checked against the row it changes. */
  'surveyResponses.update': async (input: ParsedInput<'surveyResponses.update'>, ctx: Context) => {
    const stored = await getRow(ctx.db, surveyResponsesTable, input.id);
    const issues = surveyScaleIssues({ ...stored, ...input } as Parameters<typeof surveyScaleIssues>[0]);
    if (issues.length > 0) {
      throw new CoreError('BAD_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
    }
    return crud['surveyResponses.update'](input, ctx);
  },
};
