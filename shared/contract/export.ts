import { z } from 'zod';
import { metricsQuery } from './metrics';

// Export (issue 4): a table (or a filtered list, as the list channel takes it) to CSV or XLSX, and
// the whole workspace to one JSON archive that `import.archive` reads back losslessly.

export const EXPORT_TABLES = ['accounts', 'contacts', 'personas', 'touchpoints', 'tickets', 'surveyResponses', 'deployments', 'outcomes', 'deals', 'purchases'] as const;
export const exportTable = z.enum(EXPORT_TABLES);
export type ExportTable = z.infer<typeof exportTable>;

/**
 * Who reads a table export. `readable` (the default) is for people: money in currency units with
 * its currency, labels instead of codes ("Mid-market"), figures rounded as the screens show them,
 * headers in words. `raw` is for machines: field names, codes and integer minor units, as stored
 * (what Fulcrum's own import presets read back).
 */
export const exportStyle = z.enum(['readable', 'raw']).default('readable');

/** The archive's own format version: bumped when the archive's shape (not the schema) changes. */
export const ARCHIVE_FORMAT = 'fulcrum-workspace-archive';
export const ARCHIVE_FORMAT_VERSION = 1;

export const exportContract = {
  'export.table': {
    input: z.strictObject({
      table: exportTable,
      format: z.enum(['csv', 'xlsx']),
      path: z.string().min(1),
      /** A list query (`<table>.list` input without paging): only the rows it selects, in its order. */
      query: z.record(z.string(), z.unknown()).optional(),
      style: exportStyle,
    }),
    output: z.object({ path: z.string(), rows: z.number().int().nonnegative() }),
  },
  'export.archive': {
    input: z.strictObject({ path: z.string().min(1) }),
    output: z.object({ path: z.string(), schemaVersion: z.number().int(), tables: z.record(z.string(), z.number().int()) }),
  },
} as const;

/** One export waiting in the core's temp folder to be read by `export.chunk`. */
export const downloadId = z.string().regex(/^[0-9a-f]{32}$/, 'is not a download id from export.download');

/** Files up to this size come back inline; larger ones are read in chunks of this size. */
export const DOWNLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The export written by the core and handed back as content, for a renderer that cannot name a
 * path (the browser build's download). No answer carries more than DOWNLOAD_CHUNK_BYTES: a small
 * file comes inline (`contentBase64`); a larger one stays in the core's temp folder under a
 * one-time `downloadId`, read with `export.chunk` offset by offset and deleted after its last
 * chunk (or 10 minutes after the last read).
 */
export const exportDownloadContract = {
  'export.download': {
    input: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('table'), table: exportTable, format: z.enum(['csv', 'xlsx']), query: z.record(z.string(), z.unknown()).optional(), style: exportStyle }),
      z.strictObject({ kind: z.literal('archive') }),
    ]),
    output: z.object({
      name: z.string(),
      mediaType: z.string(),
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      /** The whole file, when it is at most DOWNLOAD_CHUNK_BYTES; otherwise null and `downloadId` is set. */
      contentBase64: z.string().nullable(),
      downloadId: downloadId.nullable(),
    }),
  },
  'export.chunk': {
    input: z.strictObject({ downloadId, offset: z.number().int().nonnegative() }),
    /** `offset` is where the next chunk starts; after the `done` one the file is gone. */
    output: z.object({ contentBase64: z.string(), offset: z.number().int().nonnegative(), done: z.boolean() }),
  },
} as const;

/** The dashboard's figures (`metrics.portfolio` for a query) as CSV, one row per figure. */
export const exportMetricsContract = {
  'export.metrics': {
    input: z.strictObject({
      query: metricsQuery.default({ granularity: 'month' }),
      format: z.literal('csv').default('csv'),
      /**
       * `readable` (the dashboard's Export): values rounded as the dashboard shows them, money in
       * currency units named by its currency, definitions and headers in words. `raw`: as
       * metrics.portfolio gives them (minor units, ids), for machines and the CLI.
       */
      style: z.enum(['readable', 'raw']).default('raw'),
      /** Written there when given; otherwise the CSV comes back as `csv`. */
      path: z.string().min(1).optional(),
    }),
    output: z.object({ path: z.string().nullable(), rows: z.number().int().nonnegative(), csv: z.string().nullable() }),
  },
} as const;
