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

/** Erasing a person (docs/privacy.md): what would go, read before the user confirms. */
export const erasurePlan = z.object({
  contactId: id,
  name: z.string(),
  email: z.string().nullable(),
  /** Rows of the person, deleted: the contact, its consents, its custom values. */
  removed: z.array(z.object({ table: z.string(), count: z.number().int() })),
  /** Rows that point at the person, kept for the figures: the link goes, and the named text fields are blanked. */
  unlinked: z.array(z.object({ table: z.string(), count: z.number().int(), blanked: z.array(z.string()) })),
  /** Other rows whose text mentions the name or e-mail: each mention is replaced by "[erased]". */
  mentions: z.array(z.object({ table: z.string(), count: z.number().int() })),
  /** In a team, the erasure also reaches the team's server and every laptop on its next sync. */
  inTeam: z.boolean(),
});
export type ErasurePlan = z.infer<typeof erasurePlan>;

export const erasureResult = z.object({
  erasureId: id,
  erasedAt: z.string(),
  removed: z.number().int(),
  unlinked: z.number().int(),
  mentions: z.number().int(),
  /** The file was rebuilt (VACUUM) and its write-ahead log emptied, so no old copy stays in its bytes. */
  vacuumed: z.boolean(),
  /** 'pending': sent to the team's server on the next sync; 'none': not in a team. */
  team: z.enum(['none', 'pending']),
});
export type ErasureResult = z.infer<typeof erasureResult>;

/** The user types the contact's name to confirm (the core checks it too): erasure cannot be undone. */
const eraseInput = z.strictObject({ id, confirm: z.string().max(500) });

export const contactsContract = {
  'contacts.list': { input: contactsListInput, output: pageOf(contact) },
  /** The table screen's page: the list's paging, sort, search and filters, each row with its account's name and custom values. */
  'contacts.table': { input: contactsListInput, output: pageOf(contactTableRow) },
  'contacts.get': { input: idInput, output: contact },
  'contacts.create': { input: contactInput.create, output: contact },
  'contacts.update': { input: contactInput.update, output: contact },
  'contacts.archive': { input: idInput, output: contact },
  /** What erasing this person would remove, unlink and scrub (nothing is written). */
  'contacts.erasePlan': { input: idInput, output: erasurePlan },
  /** Erases the person's personal data everywhere in this workspace, in one transaction; in a team, everywhere on the next sync. */
  'contacts.erase': { input: eraseInput, output: erasureResult },
} as const;
