import { z } from 'zod';
import { archivable, id, idInput, listInput, oneOrMany, pageOf, requiredText, stamps, text, writable } from './common';
import { customListShape } from './customFields';

export const contact = z.object({
  id,
  accountId: id,
  personaId: id.nullable(),
  name: requiredText(),
  title: text(200).nullable(),
  email: z.email('must be an email address').nullable(),
  isChampion: z.boolean(),
  isExecutiveSponsor: z.boolean(),
  ...stamps,
  ...archivable,
});
export type Contact = z.infer<typeof contact>;

const contactInput = writable(contact, ['accountId', 'name']);

export const contactsContract = {
  'contacts.list': {
    input: listInput(['name', 'title', 'createdAt'], z.object({ accountId: oneOrMany(id), personaId: oneOrMany(id), isChampion: z.boolean() })).extend(customListShape),
    output: pageOf(contact),
  },
  'contacts.get': { input: idInput, output: contact },
  'contacts.create': { input: contactInput.create, output: contact },
  'contacts.update': { input: contactInput.update, output: contact },
  'contacts.archive': { input: idInput, output: contact },
} as const;
