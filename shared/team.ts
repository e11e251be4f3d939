import type { Channel } from './contract';

/** A domain the contract knows: the part of a channel's name before the dot (`accounts` of `accounts.list`). */
export type Domain = Channel extends `${infer D}.${string}` ? D : never;

/**
 * The domains whose screens show rows a team shares (docs/team.md "What is shared"): a pull can
 * change what they show (the core tells them to reload), and a write in any of them changes the
 * Team screen's pending count (it reloads on their `<domain>.changed` events). One list, so the
 * two cannot drift apart.
 */
export const SHARED_DOMAINS = [
  'accounts',
  'contacts',
  'touchpoints',
  'tickets',
  'deployments',
  'outcomes',
  'deals',
  'references',
  'requests',
  'stories',
  'personas',
  'journeys',
  'tasks',
  'playbooks',
  'plans',
  'goals',
  'feedback',
  'surveyResponses',
  'settings',
  'customFields',
  'purchases',
  'ctas',
  'assessments',
] as const satisfies readonly Domain[];
