import { z } from 'zod';
import { archivable, channel, id, idInput, instant, listInput, oneOrMany, pageOf, stamps, text, writable } from './common';
import { refineWith } from './refine';
import { customListShape, customRowValues } from './customFields';

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ticketPriority = z.enum(TICKET_PRIORITIES);
export const TICKET_STATUSES = ['open', 'pending', 'solved', 'closed'] as const;
export const ticketStatus = z.enum(TICKET_STATUSES);

export const ticket = z.object({
  id,
  accountId: id,
  contactId: id.nullable(),
  externalId: text(100).nullable(),
  subject: text(500).nullable(),
  openedAt: instant,
  firstResponseAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  channel,
  priority: ticketPriority,
  topic: text(100).nullable(),
  status: ticketStatus,
  csat: z.number().int().min(1, 'must be 1-5').max(5, 'must be 1-5').nullable(),
  ...stamps,
  ...archivable,
});
export type Ticket = z.infer<typeof ticket>;

const ticketInput = writable(ticket, ['accountId', 'openedAt', 'channel']);

/** A response or resolution cannot come before the ticket was opened. */
export function ticketOrderIssues(value: { openedAt?: string; firstResponseAt?: string | null; resolvedAt?: string | null }) {
  const issues: { path: string; message: string }[] = [];
  for (const field of ['firstResponseAt', 'resolvedAt'] as const) {
    const at = value[field];
    if (value.openedAt && at && at < value.openedAt) issues.push({ path: field, message: 'cannot be before openedAt' });
  }
  return issues;
}

const ticketsListInput = listInput(
  ['openedAt', 'priority', 'status', 'channel', 'topic', 'createdAt'],
  z.object({
    accountId: oneOrMany(id),
    status: oneOrMany(ticketStatus),
    priority: oneOrMany(ticketPriority),
    channel: oneOrMany(channel),
    topic: oneOrMany(z.string()),
  }),
).extend(customListShape);

/**
 * A row of the tickets table screen: the ticket, its account's name, and its times as the support
 * figures count them (minutes from opened to first response and to resolution; working minutes
 * when Settings' business hours are on, wall-clock minutes otherwise), plus its custom values.
 */
export const ticketTableRow = ticket.extend({
  accountName: z.string(),
  firstResponseMinutes: z.number().nonnegative().nullable(),
  resolutionMinutes: z.number().nonnegative().nullable(),
  /** 'business' when the minutes count Settings' business hours only. */
  minutesKind: z.enum(['wall', 'business']),
  custom: customRowValues,
});
export type TicketTableRow = z.infer<typeof ticketTableRow>;

export const ticketsContract = {
  'tickets.list': { input: ticketsListInput, output: pageOf(ticket) },
  /** The table screen's page: the list's paging, sort, search and filters, with account names, response times and custom values. */
  'tickets.table': { input: ticketsListInput, output: pageOf(ticketTableRow) },
  'tickets.get': { input: idInput, output: ticket },
  'tickets.create': { input: ticketInput.create.superRefine(refineWith(ticketOrderIssues)), output: ticket },
  'tickets.update': { input: ticketInput.update.superRefine(refineWith(ticketOrderIssues)), output: ticket },
  'tickets.archive': { input: idInput, output: ticket },
} as const;
