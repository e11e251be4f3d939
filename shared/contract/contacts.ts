import { z } from 'zod';
import { archivable, id, idInput, listInput, oneOrMany, pageOf, requiredText, stamps, text, writable } from './common';
import { customListShape, customRowValues } from './customFields';

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

const contactsListInput = listInput(['name', 'title', 'createdAt'], z.object({ accountId: oneOrMany(id), personaId: oneOrMany(id), isChampion: z.boolean() })).extend(
  customListShape,
);

/** A row of the contacts table screen: the contact, its account's name (the link), its custom values (issue 13). */
export const contactTableRow = contact.extend({ accountName: z.string(), custom: customRowValues });
export type ContactTableRow = z.infer<typeof contactTableRow>;

export const contactsContract = {
  'contacts.list': { input: contactsListInput, output: pageOf(contact) },
  /** The table screen's page: the list's paging, sort, search and filters, each row with its account's name and custom values. */
  'contacts.table': { input: contactsListInput, output: pageOf(contactTableRow) },
  'contacts.get': { input: idInput, output: contact },
  'contacts.create': { input: contactInput.create, output: contact },
  'contacts.update': { input: contactInput.update, output: contact },
  'contacts.archive': { input: idInput, output: contact },
} as const;
