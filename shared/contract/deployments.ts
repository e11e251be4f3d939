import { z } from 'zod';
import { archivable, calendarDate, id, idInput, listInput, oneOrMany, pageOf, requiredText, stamps, text, writable } from './common';

export const DEPLOYMENT_STATUSES = ['planned', 'in_progress', 'live', 'stalled', 'cancelled'] as const;
export const deploymentStatus = z.enum(DEPLOYMENT_STATUSES);

export const deployment = z.object({
  id,
  accountId: id,
  product: requiredText(100),
  status: deploymentStatus,
  startedAt: calendarDate.nullable(),
  plannedGoLive: calendarDate.nullable(),
  actualGoLive: calendarDate.nullable(),
  licencesPurchased: z.number().int().nonnegative().nullable(),
  licencesUsed: z.number().int().nonnegative().nullable(),
  notes: text(5000).nullable(),
  ...stamps,
  ...archivable,
});
export type Deployment = z.infer<typeof deployment>;

const deploymentInput = writable(deployment, ['accountId', 'product']);

export const deploymentsContract = {
  'deployments.list': {
    input: listInput(
      ['product', 'status', 'plannedGoLive', 'actualGoLive', 'createdAt'],
      z.object({ accountId: oneOrMany(id), status: oneOrMany(deploymentStatus), product: oneOrMany(z.string()) }),
    ),
    output: pageOf(deployment),
  },
  'deployments.get': { input: idInput, output: deployment },
  'deployments.create': { input: deploymentInput.create, output: deployment },
  'deployments.update': { input: deploymentInput.update, output: deployment },
  'deployments.archive': { input: idInput, output: deployment },
} as const;
