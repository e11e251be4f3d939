import { z } from 'zod';
import { archivable, CHANNELS, id, idInput, listInput, pageOf, requiredText, stamps, text, writable } from './common';

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

export const personasContract = {
  'personas.list': { input: listInput(['name', 'createdAt'], z.object({})), output: pageOf(persona) },
  'personas.get': { input: idInput, output: persona },
  'personas.create': { input: personaInput.create, output: persona },
  'personas.update': { input: personaInput.update, output: persona },
  'personas.archive': { input: idInput, output: persona },
} as const;
