import { z } from 'zod';
import { calendarDate } from './common';
import { customFieldSource, customFieldType } from './customFields';

// Import (issue 4): a preview call and a commit call over the same input, progress events
// (`import.progress`, with `jobId` and `rowsPerSecond` beside `progress`) and a cancel call.
// The file is named by path: the desktop shell picks it with a dialog.

export const IMPORT_TARGETS = ['accounts', 'contacts', 'touchpoints', 'tickets', 'surveyResponses', 'deployments', 'deals', 'references', 'purchases'] as const;
export const importTarget = z.enum(IMPORT_TARGETS);
export type ImportTarget = z.infer<typeof importTarget>;

export const DELIMITERS = [',', ';', '\t', '|', 'whitespace'] as const;

/** A text file's encodings the import reads (the preview's picker offers these); detected when the input names none. */
export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1', 'iso-8859-15', 'windows-1250', 'windows-1251', 'macintosh'] as const;
export const importEncoding = z.enum(IMPORT_ENCODINGS);
export type ImportEncoding = z.infer<typeof importEncoding>;

/**
 * How the text was decoded, for the preview: the encoding, why (a BOM, NUL bytes of UTF-16, a
 * sample that is valid UTF-8, one that is not and so a single-byte code page, or the caller's
 * choice), how sure (0..1), and how many characters could not be decoded (each stored nowhere:
 * a cell holding one is a problem).
 */
export const encodingReport = z.object({
  encoding: importEncoding,
  source: z.enum(['bom', 'nul-bytes', 'valid-utf8', 'invalid-utf8', 'chosen']),
  confidence: z.number().min(0).max(1),
  replaced: z.number().int().nonnegative(),
});
export type EncodingReport = z.infer<typeof encodingReport>;

/** "windows-1252 (not valid UTF-8)", as the CLI and the Import screen show the source's encoding. */
export function describeEncoding(report: EncodingReport): string {
  const why = { bom: 'byte-order mark', 'nul-bytes': 'UTF-16 without a byte-order mark', 'valid-utf8': 'valid UTF-8', 'invalid-utf8': 'not valid UTF-8', chosen: 'chosen' }[
    report.source
  ];
  return `${report.encoding} (${why})`;
}

export const dateOrder = z.enum(['ymd', 'mdy', 'dmy']);

/** A target field's source: a column name, or a column with a factor (e.g. monthly charges x 12 = ARR). */
export const fieldSource = z.union([
  z.string().min(1),
  z.strictObject({ column: z.string().min(1), scale: z.number().positive().optional() }),
  /** Over a preset: the preset's field left out (the wizard's "not imported"). */
  z.literal(''),
]);

export const importMapping = z.strictObject({
  /** Target field -> source column. Fields left out are not written. */
  fields: z.record(z.string(), fieldSource),
  /** Target field -> a value (as text, converted like a cell) for every row, when its column is absent or empty. */
  defaults: z.record(z.string(), z.string()).optional(),
  /** How a/b/yyyy dates are read; detected over each column when absent. */
  dateOrder: dateOrder.optional(),
  /** The date a churn flag (Churn = Yes) stands for; the import's day when absent. */
  churnDate: calendarDate.optional(),
  header: z.boolean().optional(),
  delimiter: z.enum(DELIMITERS).optional(),
  /** Words read as missing besides an empty or blank cell (default: NA, N/A, null, nil, none, -, --, #N/A, NaN). */
  missingMarkers: z.array(z.string()).optional(),
  /** Columns no field takes, kept as typed custom fields of the record (targets matched by a key: accounts, contacts, tickets, purchases). */
  customFields: z.array(customFieldSource).max(200).optional(),
  /**
   * A purchases import: a customer the account column names that no account is yet becomes a new
   * account, named and keyed (external id) by the cell (CDNOW's customer codes). Without it such a
   * row is a problem.
   */
  createAccounts: z.boolean().optional(),
  /** An event log (one row per event) read as tickets: one ticket per case (import/eventLog.ts). */
  eventLog: z
    .strictObject({
      caseId: z.string().min(1),
      activity: z.string().min(1),
      timestamp: z.string().min(1),
      /** Who did it; the last event's resource is kept as the ticket's topic when no topic column is given. */
      resource: z.string().min(1).optional(),
      /** A column naming the case's account (its first non-empty value); else `defaults.account`. */
      account: z.string().min(1).optional(),
      /** The activity that is the first response, e.g. "Take in charge ticket". */
      firstResponse: z.array(z.string().min(1)).max(50).default([]),
      /** The activities that resolve a case: the first of them is the resolution. */
      resolved: z.array(z.string().min(1)).max(50).default([]),
      /** The status a case's last activity means; a resolving activity means solved, any other open. */
      statusByActivity: z.record(z.string(), z.enum(['open', 'pending', 'solved', 'closed'])).optional(),
    })
    .optional(),
});
export type ImportMapping = z.infer<typeof importMapping>;

export const importInput = z.strictObject({
  path: z.string().min(1),
  into: importTarget,
  /** XLSX: a sheet by name (the first when absent). */
  sheet: z.string().optional(),
  delimiter: z.enum(DELIMITERS).optional(),
  header: z.boolean().optional(),
  /** A text file's encoding (`--encoding` in the CLI, the preview's picker); detected when absent, and the preview's `source.encodingReport` says what was used. */
  encoding: importEncoding.optional(),
  /** A saved or shipped preset; `mapping` (if also given) is laid over it. Auto-mapped when both are absent. */
  preset: z.string().optional(),
  mapping: importMapping.optional(),
  match: z.enum(['insert', 'update', 'upsert']).default('upsert'),
  /** reject: any problem rejects the whole file; skip: good rows are imported, bad ones go to `<name>.errors.csv` beside the source (tickets.csv -> tickets.errors.csv). */
  policy: z.enum(['reject', 'skip']).default('reject'),
  previewRows: z.number().int().min(0).max(500).default(20),
});
export type ImportInput = z.input<typeof importInput>;

/** `row` 0: a problem of the whole file, found before any row was read (a mapping gap, a date order to choose). */
export const importProblem = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblem>;

export const dateChoice = z.object({
  column: z.string(),
  order: dateOrder.nullable(),
  ambiguous: z.boolean(),
  evidence: z.string().optional(),
  conflict: z.string().optional(),
});

export const importPreview = z.object({
  source: z.object({
    format: z.string(),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    headers: z.array(z.string()),
    /** Text files: how the encoding was chosen and how many characters could not be decoded (absent for XLSX). */
    encodingReport: encodingReport.optional(),
  }),
  mapping: importMapping,
  /** Columns no field takes. */
  unmapped: z.array(z.string()),
  dateChoices: z.array(dateChoice),
  /** The first rows as they will be stored (with `_row` and `_action`). */
  rows: z.array(z.record(z.string(), z.unknown())),
  counts: z.object({ rows: z.number(), inserts: z.number(), updates: z.number(), skips: z.number(), errors: z.number() }),
  /** Every problem up to 1,000; `problemsTotal` counts them all. */
  problems: z.array(importProblem),
  problemsTotal: z.number(),
  /**
   * Rows imported, but not quite as the file says, because the app would refuse it as written
   * (issue 13: a reference's stage past the transition table or the consent gate is stored at the
   * last legal stage). The first 1,000, by row and column like the problems.
   */
  warnings: z.array(importProblem).optional(),
  /** Present when the preview read only the head of a large file: counts and problems are those rows'; the commit reads every row. */
  head: z.object({ rows: z.number(), fraction: z.number() }).optional(),
  /** mapping.createAccounts: the accounts made for customers no account was (in the preview: to be made), with the first 20 names. */
  accountsCreated: z.object({ count: z.number().int().nonnegative(), names: z.array(z.string()) }).optional(),
  /** Survey answers with a respondent e-mail: how their account was found (issue 13, import/respondents.ts). */
  respondents: z
    .object({
      /** The e-mail is a known contact's: the contact and its account. */
      byContact: z.number().int().nonnegative(),
      /** The file's account column (or the fixed account) names it. */
      byAccount: z.number().int().nonnegative(),
      /** No known contact: the e-mail's domain is one account's. */
      byDomain: z.number().int().nonnegative(),
      /** None of these: a public mail domain, a domain no account has, or one several accounts have. */
      unmatched: z.number().int().nonnegative(),
      /** Of the unmatched: answers from a public mail domain (gmail.com), which names no account. */
      publicDomain: z.number().int().nonnegative(),
      /** Domains several accounts have (reported, not guessed), with those accounts' names; at most 20. */
      ambiguous: z.array(z.object({ domain: z.string(), accounts: z.array(z.string()), answers: z.number().int().positive() })),
    })
    .optional(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = importPreview.extend({
  jobId: z.string(),
  committed: z.boolean(),
  cancelled: z.boolean(),
  errorFile: z.string().nullable(),
  seconds: z.number(),
  rowsPerSecond: z.number(),
});
export type ImportResult = z.infer<typeof importResult>;

export const importPreset = z.object({
  name: z.string(),
  into: importTarget,
  builtIn: z.boolean(),
  description: z.string(),
  mapping: importMapping,
  /** The tool whose export a shipped preset reads ("Zendesk"). */
  tool: z.string().optional(),
});
export type ImportPreset = z.infer<typeof importPreset>;

export const importContract = {
  'import.preview': { input: importInput, output: importPreview },
  'import.commit': { input: importInput.extend({ jobId: z.string().min(1).max(100) }), output: importResult },
  'import.cancel': { input: z.strictObject({ jobId: z.string() }), output: z.object({ cancelled: z.boolean() }) },
  'import.presets': { input: z.strictObject({ into: importTarget.optional() }), output: z.array(importPreset) },
  'import.savePreset': {
    input: z.strictObject({ name: z.string().trim().min(1).max(100), into: importTarget, description: z.string().max(500).default(''), mapping: importMapping }),
    output: importPreset,
  },
} as const;

export const archiveImportContract = {
  /** A workspace archive (from `export.archive`) into this workspace, which must hold no accounts, deals or personas yet. */
  'import.archive': {
    input: z.strictObject({ path: z.string().min(1) }),
    output: z.object({ schemaVersion: z.number().int(), tables: z.record(z.string(), z.number().int()) }),
  },
} as const;

/** "row 1,204, 'MonthlyCharges': 'abc' is not a number", as the CLI and the Import screen show it. */
export function describeProblem(problem: ImportProblem): string {
  // Row 0 is the whole file (a mapping gap, a date order to choose): found before any row was read.
  if (problem.row === 0) return problem.column ? `'${problem.column}': ${problem.message}` : problem.message;
  const row = `row ${problem.row.toLocaleString('en-US')}`;
  return problem.column ? `${row}, '${problem.column}': ${problem.message}` : `${row}: ${problem.message}`;
}

/** The largest file the Import screen stages (`import.stage`), in bytes: CSV and XLSX are both read as streams, so the limit is the temp folder's room, not memory. */
export const MAX_STAGED_BYTES = 2 * 1024 * 1024 * 1024;

export const importFieldInfo = z.object({ name: z.string(), kind: z.string(), values: z.array(z.string()).optional() });
export type ImportFieldInfo = z.infer<typeof importFieldInfo>;

/** The renderer's way in: a chosen file's bytes (in chunks, `append` naming the staged path) into a private temp folder of the core. */
export const importStageContract = {
  'import.stage': {
    input: z.strictObject({
      name: z.string().min(1).max(500),
      /** At most ~6 MB of base64 per call (the HTTP bridge takes 10 MB bodies); later chunks name the staged path in `append`. */
      contentBase64: z.string().max(8 * 1024 * 1024),
      append: z.string().min(1).optional(),
    }),
    output: z.object({ path: z.string(), bytes: z.number().int().nonnegative() }),
  },
  /** The fields a target takes (the mapping step's choices). */
  'import.fields': { input: z.strictObject({ into: importTarget }), output: z.array(importFieldInfo) },
} as const;

/** A shipped preset as detection rates it against a file's header. */
export const presetCandidate = z.object({
  name: z.string(),
  into: importTarget,
  tool: z.string(),
  description: z.string(),
  /** 0..1: the share of the preset's columns the header has, the ones the export always has counted double. */
  confidence: z.number(),
  matched: z.array(z.string()),
  missing: z.array(z.string()),
});
export type PresetCandidate = z.infer<typeof presetCandidate>;

/** What automatic mapping proposes for one column, and how sure it is (0..1). */
export const columnSuggestion = z.object({
  column: z.string(),
  field: z.string().nullable(),
  confidence: z.number(),
  reason: z.string(),
  /** For a column no field takes: the custom-field type its values suggest ("keep as custom field"). */
  keepAs: customFieldType.optional(),
});
export type ColumnSuggestion = z.infer<typeof columnSuggestion>;

export const importDetectContract = {
  /** Which preset fits a file (best first, with the runners-up) and what automatic mapping would propose for `into`. Writes nothing. */
  'import.detect': {
    input: z.strictObject({ path: z.string().min(1), into: importTarget.optional(), sheet: z.string().optional(), delimiter: z.enum(DELIMITERS).optional() }),
    output: z.object({
      headers: z.array(z.string()),
      /** The best preset when one fits at all (confidence of 0.5 or more). */
      best: presetCandidate.nullable(),
      candidates: z.array(presetCandidate),
      /** The target the suggestions are for: the one asked, else the best preset's, else accounts. */
      into: importTarget,
      columns: z.array(columnSuggestion),
      /** Header names that occur more than once (only the first of each is read). */
      duplicateHeaders: z.array(z.string()),
    }),
  },
  /** A column's distinct values with their counts, most frequent first (an event log's activities, for the wizard to propose). */
  'import.values': {
    input: z.strictObject({ path: z.string().min(1), column: z.string().min(1), sheet: z.string().optional(), delimiter: z.enum(DELIMITERS).optional() }),
    output: z.object({ values: z.array(z.object({ value: z.string(), count: z.number().int() })), distinct: z.number().int() }),
  },
} as const;
