import type { Kysely } from 'kysely';
import * as init from './0001_init';
import * as metrics from './0002_metrics';
import * as leverage from './0003_leverage';
import * as journeyLinks from './0004_journey_links';
import * as touchpointLinksIndex from './0005_touchpoint_links_index';
import * as customFieldsPurchases from './0006_custom_fields_purchases';
import * as dimensionRollups from './0007_dimension_rollups';
import * as churnModels from './0008_churn_models';
import * as customFieldIndex from './0009_custom_field_index';
import * as segmentUnknown from './0010_segment_unknown';
import * as tasksPlaybooks from './0011_tasks_playbooks';
import * as plansGoalsFeedback from './0012_plans_goals_feedback';
import * as cohortCells from './0013_cohort_cells';
import * as team from './0014_team';
import * as teamChangesGid from './0015_team_changes_gid';
import * as erasures from './0016_erasures';
import * as churnHistory from './0017_churn_history';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<any>): Promise<void>;
  /** A table rebuild: the runner turns foreign keys off around it and checks them before it commits. */
  foreignKeysOff?: boolean;
}

/**
 * Every migration, in order. A static list because the bundled main process has no folder to read;
 * a test checks that it matches the files in this folder.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001_init', up: init.up },
  { version: 2, name: '0002_metrics', up: metrics.up },
  { version: 3, name: '0003_leverage', up: leverage.up },
  { version: 4, name: '0004_journey_links', up: journeyLinks.up },
  { version: 5, name: '0005_touchpoint_links_index', up: touchpointLinksIndex.up },
  { version: 6, name: '0006_custom_fields_purchases', up: customFieldsPurchases.up },
  { version: 7, name: '0007_dimension_rollups', up: dimensionRollups.up },
  { version: 8, name: '0008_churn_models', up: churnModels.up },
  { version: 9, name: '0009_custom_field_index', up: customFieldIndex.up },
  { version: 10, name: '0010_segment_unknown', up: segmentUnknown.up, foreignKeysOff: segmentUnknown.foreignKeysOff },
  { version: 11, name: '0011_tasks_playbooks', up: tasksPlaybooks.up },
  { version: 12, name: '0012_plans_goals_feedback', up: plansGoalsFeedback.up },
  { version: 13, name: '0013_cohort_cells', up: cohortCells.up },
  { version: 14, name: '0014_team', up: team.up },
  { version: 15, name: '0015_team_changes_gid', up: teamChangesGid.up },
  { version: 16, name: '0016_erasures', up: erasures.up },
  { version: 17, name: '0017_churn_history', up: churnHistory.up },
];

/** The last migration's number; a test checks they run 1, 2, 3… without gaps. */
export const LATEST_SCHEMA_VERSION = migrations.at(-1)!.version;
