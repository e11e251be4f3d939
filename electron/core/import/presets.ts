import type Database from 'better-sqlite3';
import { importPreset, type ImportMapping, type ImportPreset, type ImportTarget } from '../../../shared/contract/import';
import { CoreError } from '../errors';
import { sourceColumn } from './mapping';
import { CRM_PRESETS } from './presets/crm';
import { HELPDESK_PRESETS } from './presets/helpdesk';
import { SURVEY_PRESETS } from './presets/surveys';
import type { PresetSpec } from './presets/types';

// Shipped presets for the exports people have, and the user's own, kept in the settings table
// under one key (no migration needed; the settings service ignores keys it does not know).

const SETTINGS_KEY = 'import.presets';

const fulcrumFields = (fields: string[]) => Object.fromEntries(fields.map((field) => [field, field]));

/** The presets for the exports of named tools (presets/): each with its detection columns. */
export const TOOL_PRESETS: readonly PresetSpec[] = [...CRM_PRESETS, ...HELPDESK_PRESETS, ...SURVEY_PRESETS];

const GENERIC_PRESETS: readonly ImportPreset[] = [
  {
    name: 'crm-accounts',
    into: 'accounts',
    builtIn: true,
    description: 'CRM account export (Salesforce-style: Account Name, Account ID, Industry, Annual Revenue, Type, Billing Country, Owner)',
    mapping: {
      fields: {
        name: 'Account Name',
        externalId: 'Account ID',
        industry: 'Industry',
        arrMinor: 'Annual Revenue',
        segment: 'Type',
        region: 'Billing Country',
        owner: 'Account Owner',
        employeeCount: 'Employees',
      },
    },
  },
  {
    name: 'helpdesk-tickets',
    into: 'tickets',
    builtIn: true,
    description:
      'Help-desk ticket export (Zendesk-style: Id, Requester, Created at, First reply time in minutes, Solved at, Priority, Via, Satisfaction Score, Tags, Organization)',
    mapping: {
      fields: {
        externalId: 'Id',
        account: 'Organization',
        contactEmail: 'Requester email',
        subject: 'Subject',
        openedAt: 'Created at',
        firstResponseMinutes: 'First reply time in minutes',
        resolvedAt: 'Solved at',
        priority: 'Priority',
        channel: 'Via',
        status: 'Status',
        csat: 'Satisfaction Score',
        topic: 'Tags',
      },
      defaults: { channel: 'email', priority: 'normal' },
    },
  },
  {
    name: 'nps-survey',
    into: 'surveyResponses',
    builtIn: true,
    description: 'NPS survey export (Delighted/Qualtrics-style: Response ID, Score, Comment, Email, Created, Company)',
    mapping: {
      fields: { score: 'Score', comment: 'Comment', contactEmail: 'Email', respondedAt: 'Created', account: 'Company' },
      defaults: { kind: 'nps' },
    },
  },
  {
    name: 'csat-survey',
    into: 'surveyResponses',
    builtIn: true,
    description: 'CSAT survey export (Score 1-5, Comment, Email, Created, Company)',
    mapping: {
      fields: { score: 'Score', comment: 'Comment', contactEmail: 'Email', respondedAt: 'Created', account: 'Company' },
      defaults: { kind: 'csat' },
    },
  },
  ...(
    [
      [
        'accounts',
        [
          'name',
          'externalId',
          'industry',
          'segment',
          'region',
          'employeeCount',
          'arrMinor',
          'currency',
          'grossMarginPct',
          'owner',
          'lifecycleStage',
          'contractStart',
          'renewalDate',
          'churnedAt',
          'churnReason',
          'tags',
        ],
      ],
      ['tickets', ['externalId', 'subject', 'openedAt', 'firstResponseAt', 'resolvedAt', 'channel', 'priority', 'topic', 'status', 'csat']],
      ['touchpoints', ['occurredAt', 'channel', 'kind', 'sentiment', 'notes']],
      ['surveyResponses', ['respondedAt', 'kind', 'score', 'comment']],
      ['deployments', ['product', 'status', 'startedAt', 'plannedGoLive', 'actualGoLive', 'licencesPurchased', 'licencesUsed', 'notes']],
      [
        'deals',
        ['prospect', 'industry', 'segment', 'region', 'employeeCount', 'products', 'useCase', 'competitor', 'amountMinor', 'currency', 'stage', 'owner', 'openedAt', 'closedAt'],
      ],
      ['contacts', ['name', 'title', 'email', 'isChampion', 'isExecutiveSponsor']],
    ] as [ImportTarget, string[]][]
  ).map(([into, fields]): ImportPreset => ({
    name: `fulcrum-${into}`,
    into,
    builtIn: true,
    description: `Fulcrum's own CSV export of ${into} (amounts in minor units)`,
    mapping: {
      missingMarkers: [],
      // Fulcrum's export stores money in minor units already: a factor of 1/100 keeps them exact.
      fields: {
        ...fulcrumFields(fields),
        ...(fields.includes('arrMinor') ? { arrMinor: { column: 'arrMinor', scale: 0.01 } } : {}),
        ...(fields.includes('amountMinor') ? { amountMinor: { column: 'amountMinor', scale: 0.01 } } : {}),
        ...(into === 'accounts' ? {} : { account: 'accountId' }),
      },
    },
  })),
];

export const BUILT_IN_PRESETS: readonly ImportPreset[] = [
  ...GENERIC_PRESETS,
  ...TOOL_PRESETS.map(({ name, into, description, mapping, tool }): ImportPreset => ({ name, into, builtIn: true, description, mapping, tool })),
];

/**
 * A preset's mapping for one file: the columns it lacks left out (an export need not have every
 * column), the columns a tool names by their question found in the header, custom fields kept only
 * for columns the file has.
 */
export function presetMappingFor(preset: ImportPreset, headers: readonly string[]): ImportMapping {
  const spec = TOOL_PRESETS.find((candidate) => candidate.name === preset.name && preset.builtIn);
  const present = (column: string) => headers.includes(column);
  const fields = Object.fromEntries(Object.entries(preset.mapping.fields).filter(([, source]) => present(sourceColumn(source))));
  const taken = new Set(Object.values(fields).map(sourceColumn));
  for (const [field, column] of Object.entries(spec?.resolve?.(headers) ?? {})) {
    if (fields[field] === undefined && !taken.has(column)) {
      fields[field] = column;
      taken.add(column);
    }
  }
  const customFields = preset.mapping.customFields?.filter((custom) => present(custom.column) && !taken.has(custom.column));
  return { ...preset.mapping, fields, ...(customFields ? { customFields } : {}) };
}

/** Header rows the preset's tool writes under the first (read past, never as data). */
export const extraHeaderRows = (preset: ImportPreset | undefined) => (preset?.builtIn ? (TOOL_PRESETS.find((spec) => spec.name === preset.name)?.extraHeaderRows ?? 0) : 0);

function storedPresets(sqlite: Database.Database): ImportPreset[] {
  const row = sqlite.prepare<unknown[], { value: string }>('SELECT value FROM settings WHERE key = ?').get(SETTINGS_KEY);
  if (!row) return [];
  const parsed = importPreset.array().safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : [];
}

export function listPresets(sqlite: Database.Database, into?: ImportTarget): ImportPreset[] {
  return [...BUILT_IN_PRESETS, ...storedPresets(sqlite)].filter((preset) => !into || preset.into === into);
}

export function findPreset(sqlite: Database.Database, name: string): ImportPreset {
  const preset = listPresets(sqlite).find((candidate) => candidate.name === name);
  if (!preset)
    throw new CoreError(
      'NOT_FOUND',
      `no import preset named '${name}' (presets: ${listPresets(sqlite)
        .map((p) => p.name)
        .join(', ')})`,
    );
  return preset;
}

export function savePreset(sqlite: Database.Database, preset: Omit<ImportPreset, 'builtIn'>, now: Date): ImportPreset {
  if (BUILT_IN_PRESETS.some((builtIn) => builtIn.name === preset.name)) throw new CoreError('CONFLICT', `'${preset.name}' is a shipped preset; save under another name`);
  const saved: ImportPreset = { ...preset, builtIn: false };
  const others = storedPresets(sqlite).filter((stored) => stored.name !== preset.name);
  sqlite
    .prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
    .run(SETTINGS_KEY, JSON.stringify([...others, saved]), now.toISOString());
  return saved;
}
