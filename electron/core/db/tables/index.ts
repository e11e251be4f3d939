/**
 * The workspace's tables as the queries see them (Kysely's CamelCasePlugin turns `survey_responses`
 * and `account_id` into `surveyResponses` and `accountId`), written by hand beside the migrations.
 *
 * One description serves twice: `tables` is plain data a test compares with the live schema of a
 * freshly migrated workspace (tests/integration/schemaTypes.test.ts: same tables, columns, SQLite
 * type family, nullability and defaults), and the `Database` interface Kysely is typed with is
 * derived from it, so the two cannot drift apart. A new migration that adds a column fails that
 * test until the column is described here; the failure prints the line to add.
 *
 * Hand-written rather than generated: the list is short, reads like the migration it follows and
 * is reviewed in the same diff; a generator would need a built workspace at build time to say
 * exactly what the test already checks.
 *
 * One file per area (records, references, assessments, history, custom fields, churn, actions);
 * this index is the one list the schema test and the `Database` type read.
 */
import { actionTables } from './actions';
import { assessmentTables } from './assessments';
import { churnTables } from './churn';
import type { ColumnSpec } from './columns';
import { customFieldTables } from './customFields';
import { historyTables } from './history';
import { recordTables } from './records';
import { referenceTables } from './references';
import { privacyTables } from './privacy';
import { teamTables } from './team';

export type { ColumnSpec, Family } from './columns';

export const tables = {
  ...recordTables,
  ...referenceTables,
  ...assessmentTables,
  ...historyTables,
  ...customFieldTables,
  ...churnTables,
  ...actionTables,
  ...teamTables,
  ...privacyTables,
} as const satisfies Record<string, Record<string, ColumnSpec>>;
