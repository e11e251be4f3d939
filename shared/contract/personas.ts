import { z } from 'zod';
import { archivable, calendarDate, CHANNELS, id, idInput, listInput, pageOf, requiredText, stamps, text, writable } from './common';

export const channelPreference = z.enum(['willing', 'neutral', 'unwilling']);
/** The persona's ideal experience: per channel, whether they are willing to be reached through it. */
export const channelPreferences = z.partialRecord(z.enum(CHANNELS), channelPreference);

export const persona = z.object({
  id,
  name: requiredText(100),
  description: text(2000).nullable(),
  channelPreferences,
  ...stamps,
  ...archivable,
});
export type Persona = z.infer<typeof persona>;

const personaInput = writable(persona, ['name']);

/** One interaction that reached a persona's contact through a channel they are unwilling to use. */
export const adherenceViolation = z.object({
  touchpointId: id,
  occurredAt: z.string(),
  accountId: id,
  accountName: z.string(),
  contactId: id,
  contactName: z.string(),
  channel: z.enum(CHANNELS),
  kind: z.string(),
  journeyTouchpointName: z.string().nullable(),
});

export const adherence = z.object({
  personaId: id,
  scope: z.object({ from: calendarDate, to: calendarDate, segment: z.string().nullable() }),
  /** Share (0-100) of the interactions with the persona's contacts through channels they are willing to use. */
  share: z.number().nullable(),
  n: z.number().int(),
  willing: z.number().int(),
  neutral: z.number().int(),
  unwilling: z.number().int(),
  /** Per month of the period: the same share. */
  trend: z.array(z.object({ month: z.string(), share: z.number().nullable(), n: z.number().int() })),
  violations: z.array(adherenceViolation),
  violationsTotal: z.number().int(),
});
export type Adherence = z.infer<typeof adherence>;

export const personasContract = {
  'personas.list': { input: listInput(['name', 'createdAt'], z.object({})), output: pageOf(persona) },
  'personas.get': { input: idInput, output: persona },
  'personas.create': { input: personaInput.create, output: persona },
  'personas.update': { input: personaInput.update, output: persona },
  'personas.archive': { input: idInput, output: persona },
  'personas.adherence': {
    input: z.strictObject({
      id,
      from: calendarDate.optional(),
      to: calendarDate.optional(),
      segment: z.string().trim().min(1).max(50).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: adherence,
  },
} as const;
