import type { Kysely } from 'kysely';
import * as hub from './0001_hub';
import * as push from './0002_push';
import * as rules from './0003_rules';
import * as erasure from './0004_erasure';
import * as moreShared from './0005_more_shared';
import * as refusals from './0006_refusals';
import * as counterOnce from './0007_counter_once';

export interface HubMigration {
  version: number;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen raw DDL, typed against no particular schema
  up(db: Kysely<any>): Promise<void>;
}

/** The team server's migrations, in order; numbered without gaps like the workspace's. */
export const hubMigrations: readonly HubMigration[] = [
  { version: 1, name: '0001_hub', up: hub.up },
  { version: 2, name: '0002_push', up: push.up },
  { version: 3, name: '0003_rules', up: rules.up },
  { version: 4, name: '0004_erasure', up: erasure.up },
  { version: 5, name: '0005_more_shared', up: moreShared.up },
  { version: 6, name: '0006_refusals', up: refusals.up },
  { version: 7, name: '0007_counter_once', up: counterOnce.up },
];

export const LATEST_HUB_VERSION = hubMigrations.at(-1)!.version;
