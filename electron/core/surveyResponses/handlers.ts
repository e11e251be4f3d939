import { crudHandlers } from '../crud/handlers';
import { surveyResponsesTable } from './repo';

export const surveyResponsesHandlers = crudHandlers('surveyResponses', surveyResponsesTable);
