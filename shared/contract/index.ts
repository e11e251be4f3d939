import type { z } from 'zod';
import { accountsContract } from './accounts';
import { assessmentsContract } from './assessments';
import { contactsContract } from './contacts';
import { dealsContract } from './deals';
import { leverageContract } from './leverage';
import { referencesContract } from './references';
import { requestsContract } from './requests';
import { metricsContract } from './metrics';
import { healthContract } from './health';
import { churnContract } from './churn';
import { identityContract } from './identity';
import { jobsContract } from './jobs';
import { tasksContract } from './tasks';
import { playbooksContract } from './playbooks';
import { ctasContract } from './ctas';
import { teamContract } from './team';
import { settingsContract } from './settings';
import { storiesContract } from './stories';
import { backupContract } from './backup';
import { exportContract, exportDownloadContract, exportMetricsContract } from './export';
import { archiveImportContract, importContract, importDetectContract, importStageContract } from './import';
import { customFieldsContract } from './customFields';
import { purchasesContract } from './purchases';
import { deploymentsContract } from './deployments';
import { outcomesContract } from './outcomes';
import { plansContract } from './plans';
import { goalsContract } from './goals';
import { feedbackContract } from './feedback';
import { personasContract } from './personas';
import { journeysContract } from './journeys';
import { surveyResponsesContract } from './surveyResponses';
import { ticketsContract } from './tickets';
import { touchpointsContract } from './touchpoints';
import { workspaceContract } from './workspace';

/** Every channel of the core: name -> { input, output } schemas. */
export const contract = {
  ...workspaceContract,
  ...accountsContract,
  ...contactsContract,
  ...personasContract,
  ...journeysContract,
  ...touchpointsContract,
  ...ticketsContract,
  ...surveyResponsesContract,
  ...deploymentsContract,
  ...outcomesContract,
  ...plansContract,
  ...goalsContract,
  ...feedbackContract,
  ...dealsContract,
  ...referencesContract,
  ...requestsContract,
  ...metricsContract,
  ...healthContract,
  ...churnContract,
  ...settingsContract,
  ...importContract,
  ...archiveImportContract,
  ...importStageContract,
  ...importDetectContract,
  ...customFieldsContract,
  ...purchasesContract,
  ...exportContract,
  ...exportDownloadContract,
  ...exportMetricsContract,
  ...backupContract,
  ...assessmentsContract,
  ...storiesContract,
  ...leverageContract,
  ...identityContract,
  ...jobsContract,
  ...tasksContract,
  ...playbooksContract,
  ...ctasContract,
  ...teamContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller may send (before defaults and transforms). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
