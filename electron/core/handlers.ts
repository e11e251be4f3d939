import type { Channel } from '../../shared/contract';
import { accountsHandlers } from './accounts/handlers';
import { assessmentsHandlers } from './assessments/handlers';
import { contactsHandlers } from './contacts/handlers';
import { privacyHandlers } from './privacy/handlers';
import type { Context } from './context';
import type { Handlers } from './handlerTypes';
import { dealsHandlers } from './deals/handlers';
import { leverageHandlers } from './leverage/handlers';
import { requestsPastSla } from './leverage/figures';
import { referencesHandlers } from './references/handlers';
import { budgetWarningsOf } from './team/budgetWarning';
import { recentRequestsForReference, requestsHandlers } from './requests/handlers';
import { deploymentsHandlers } from './deployments/handlers';
import { metricsHandlers } from './metrics/handlers';
import { healthFigures } from './health/figures';
import { healthHandlers } from './health/handlers';
import { churnHandlers } from './churn/handlers';
import { identityHandlers } from './identity/handlers';
import { jobsHandlers } from './jobs/handlers';
import { explainHealth } from './health/service';
import { rebuildDerivedJob } from './derived/refresh';
import { outcomesHandlers } from './outcomes/handlers';
import { plansHandlers } from './plans/handlers';
import { goalsHandlers } from './goals/handlers';
import { feedbackHandlers } from './feedback/handlers';
import { personasHandlers } from './personas/handlers';
import { journeysHandlers } from './journeys/handlers';
import { settingsHandlers } from './settings/handlers';
import { storiesHandlers } from './stories/handlers';
import { backupHandlers } from './backup/handlers';
import { exportHandlers } from './export/handlers';
import { importHandlers } from './import/handlers';
import { customFieldsHandlers } from './customFields/handlers';
import { purchasesHandlers } from './purchases/handlers';
import { surveyResponsesHandlers } from './surveyResponses/handlers';
import { ticketsHandlers } from './tickets/handlers';
import { touchpointsHandlers } from './touchpoints/handlers';
import { workspaceHandlers } from './workspace/handlers';
import { tasksHandlers } from './tasks/handlers';
import { playbooksHandlers } from './playbooks/handlers';
import { ctasHandlers } from './ctas/handlers';
import { afterRequestApproved } from './ctas/hooks';
import { teamHandlers } from './team/handlers';

/**
 * Every channel's handler, each checked against its contract: a missing channel, a wrong input or
 * a wrong output is a compile error (tests/types/handlerProbe.ts proves the last one stays so).
 */
export const typedHandlers = {
  ...workspaceHandlers,
  ...accountsHandlers,
  ...contactsHandlers,
  ...privacyHandlers,
  ...personasHandlers,
  ...journeysHandlers,
  ...touchpointsHandlers,
  ...ticketsHandlers,
  ...surveyResponsesHandlers,
  ...deploymentsHandlers,
  ...outcomesHandlers,
  ...plansHandlers,
  ...goalsHandlers,
  ...feedbackHandlers,
  ...dealsHandlers,
  // Requests are built on references, so a reference's requests are passed in here.
  ...referencesHandlers(recentRequestsForReference, budgetWarningsOf),
  ...requestsHandlers,
  // A request's approval can open a call to action (ctas sit above requests, so it is wrapped here).
  'requests.approve': afterRequestApproved(requestsHandlers['requests.approve']),
  // Metrics sits below health and derived data, so the parts it shows from them are passed in here.
  ...metricsHandlers({ healthFigures, explainHealth, refreshDerived: rebuildDerivedJob, requestsPastSla }),
  ...healthHandlers,
  ...churnHandlers,
  ...settingsHandlers,
  ...importHandlers,
  ...customFieldsHandlers,
  ...purchasesHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...assessmentsHandlers,
  ...storiesHandlers,
  // The finder shows a team's budget warnings as the references' lists do.
  ...leverageHandlers(budgetWarningsOf),
  ...identityHandlers,
  ...jobsHandlers,
  ...tasksHandlers,
  ...playbooksHandlers,
  ...ctasHandlers,
  ...teamHandlers,
} satisfies Handlers<Channel>;

/** A handler as dispatch calls it: with the input its channel's schema has just validated. */
interface ValidatedCall {
  // A method signature, so a handler of one channel's input fits (dispatch pairs them by channel).
  handle(input: unknown, ctx: Context): unknown;
}

/** The table dispatch looks channels up in. */
export const handlers: Record<Channel, ValidatedCall['handle']> = typedHandlers;
