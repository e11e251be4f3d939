import { z } from 'zod';

export const TABLE_NAMES = [
  'accounts',
  'contacts',
  'personas',
  'touchpoints',
  'tickets',
  'survey_responses',
  'deployments',
  'outcomes',
  'deals',
  'references',
  'reference_requests',
  'success_stories',
  'journey_maps',
  'assessments',
  'settings',
] as const;

export const workspaceInfo = z.object({
  /** The file's name without its folder, shown in the title bar. */
  name: z.string(),
  path: z.string(),
  schemaVersion: z.number().int(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfo>;

export const workspaceContract = {
  'workspace.info': { input: z.strictObject({}), output: workspaceInfo },
} as const;
