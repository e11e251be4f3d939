import type { Channel } from '../../shared/contract';
import { accountsHandlers } from './accounts/handlers';
import { assessmentsHandlers } from './assessments/handlers';
import { contactsHandlers } from './contacts/handlers';
import type { Context } from './context';
import { dealsHandlers } from './deals/handlers';
import { leverageHandlers } from './leverage/handlers';
import { referencesHandlers } from './references/handlers';
import { requestsHandlers } from './requests/handlers';
import { deploymentsHandlers } from './deployments/handlers';
import { metricsHandlers } from './metrics/handlers';
import { outcomesHandlers } from './outcomes/handlers';
import { personasHandlers } from './personas/handlers';
import { journeysHandlers } from './journeys/handlers';
import { settingsHandlers } from './settings/handlers';
import { storiesHandlers } from './stories/handlers';
import { backupHandlers } from './backup/handlers';
import { exportHandlers } from './export/handlers';
import { importHandlers } from './import/handlers';
import { surveyResponsesHandlers } from './surveyResponses/handlers';
import { ticketsHandlers } from './tickets/handlers';
import { touchpointsHandlers } from './touchpoints/handlers';
import { workspaceHandlers } from './workspace/handlers';

type AnyHandler = (input: any, ctx: Context) => unknown;

/** Every channel's handler; the type makes a channel without one a compile error. */
export const handlers: Record<Channel, AnyHandler> = {
  ...workspaceHandlers,
  ...accountsHandlers,
  ...contactsHandlers,
  ...personasHandlers,
  ...journeysHandlers,
  ...touchpointsHandlers,
  ...ticketsHandlers,
  ...surveyResponsesHandlers,
  ...deploymentsHandlers,
  ...outcomesHandlers,
  ...dealsHandlers,
  ...referencesHandlers,
  ...requestsHandlers,
  ...metricsHandlers,
  ...settingsHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...assessmentsHandlers,
  ...storiesHandlers,
  ...leverageHandlers,
};
