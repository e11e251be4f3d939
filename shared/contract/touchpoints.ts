import { z } from 'zod';
import { archivable, channel, id, idInput, instant, listInput, oneOrMany, pageOf, stamps, text, writable } from './common';

export const TOUCHPOINT_KINDS = ['onboarding', 'implementation', 'training', 'support', 'qbr', 'renewal', 'marketing', 'social'] as const;
export const touchpointKind = z.enum(TOUCHPOINT_KINDS);

export const touchpoint = z.object({
  id,
  accountId: id,
  contactId: id.nullable(),
  journeyTouchpointId: id.nullable(),
  occurredAt: instant,
  channel,
  kind: touchpointKind,
  /** -2 very negative … +2 very positive. */
  sentiment: z.number().int().min(-2).max(2).nullable(),
  notes: text(5000).nullable(),
  ...stamps,
  ...archivable,
});
export type Touchpoint = z.infer<typeof touchpoint>;

const touchpointInput = writable(touchpoint, ['accountId', 'occurredAt', 'channel', 'kind']);

export const touchpointsContract = {
  'touchpoints.list': {
    input: listInput(
      ['occurredAt', 'channel', 'kind', 'createdAt'],
      z.object({ accountId: oneOrMany(id), contactId: oneOrMany(id), channel: oneOrMany(channel), kind: oneOrMany(touchpointKind) }),
    ),
    output: pageOf(touchpoint),
  },
  'touchpoints.get': { input: idInput, output: touchpoint },
  'touchpoints.create': { input: touchpointInput.create, output: touchpoint },
  'touchpoints.update': { input: touchpointInput.update, output: touchpoint },
  'touchpoints.archive': { input: idInput, output: touchpoint },
} as const;
