import { crudHandlers } from '../crud/handlers';
import { surveyResponsesTable } from './repo';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const surveyResponsesHandlers = crudHandlers('surveyResponses', surveyResponsesTable) satisfies Handlers<ChannelsOf<'surveyResponses'>>;
