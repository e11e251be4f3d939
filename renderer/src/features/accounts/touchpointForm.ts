import type { Input } from '../../../../shared/contract';
import type { Contact } from '../../../../shared/contract/contacts';
import type { RpcError } from '../../../../shared/rpc';
import { issuesByField } from '../../api/fieldErrors';

export interface TouchpointFormValues {
  occurredAt: string;
  channel: Input<'touchpoints.create'>['channel'];
  kind: Input<'touchpoints.create'>['kind'];
  contactId: string;
  sentiment: string;
  notes: string;
}
export type TouchpointField = keyof TouchpointFormValues;
export const TOUCHPOINT_FIELDS: TouchpointField[] = ['occurredAt', 'channel', 'kind', 'contactId', 'sentiment', 'notes'];

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as the value of <input type="datetime-local"> in the user's time zone: "2026-03-01T09:30". */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The datetime-local value (local time) as an ISO instant in UTC; null if it is not a date-time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function emptyTouchpointForm(now: Date, last?: Partial<Pick<TouchpointFormValues, 'channel' | 'kind'>>): TouchpointFormValues {
  return { occurredAt: toLocalInput(now), channel: last?.channel ?? 'phone', kind: last?.kind ?? 'support', contactId: '', sentiment: '', notes: '' };
}

type FormErrors = Partial<Record<TouchpointField | 'form', string>>;

export function formToTouchpoint(accountId: number, values: TouchpointFormValues): { ok: true; input: Input<'touchpoints.create'> } | { ok: false; errors: FormErrors } {
  const occurredAt = fromLocalInput(values.occurredAt);
  if (!occurredAt) return { ok: false, errors: { occurredAt: 'must be a date and time' } };
  return {
    ok: true,
    input: {
      accountId,
      occurredAt,
      channel: values.channel,
      kind: values.kind,
      contactId: values.contactId ? Number(values.contactId) : null,
      sentiment: values.sentiment === '' ? null : Number(values.sentiment),
      notes: values.notes.trim() === '' ? null : values.notes.trim(),
    },
  };
}

export const touchpointErrors = (error: RpcError): FormErrors => issuesByField(error, TOUCHPOINT_FIELDS);

/** "Dana Lee (VP Operations)" for the contact picker. */
export const contactOption = (contact: Pick<Contact, 'name' | 'title'>) => (contact.title ? `${contact.name} (${contact.title})` : contact.name);
