// Words for the codes the core stores, so screens and readable exports never show "mid_market" or
// "in_person". Shared: the renderer (renderer/src/lib/labels.ts re-exports it) and the core's
// exports (electron/core/export/readable.ts) say the same words.

import { NO_SEGMENT } from './contract/accounts';

const SEGMENTS: Record<string, string> = { enterprise: 'Enterprise', mid_market: 'Mid-market', smb: 'SMB', [NO_SEGMENT]: 'No segment' };
const STAGES: Record<string, string> = {
  onboarding: 'Onboarding',
  adoption: 'Adoption',
  growth: 'Growth',
  renewal: 'Renewal',
  at_risk: 'At risk',
  churned: 'Churned',
};
const CHANNELS: Record<string, string> = {
  phone: 'Phone',
  email: 'Email',
  chat: 'Chat',
  self_service: 'Self-service',
  community: 'Community',
  in_person: 'In person',
  webinar: 'Webinar',
};
const TOUCHPOINT_KINDS: Record<string, string> = {
  onboarding: 'Onboarding',
  implementation: 'Implementation',
  training: 'Training',
  support: 'Support',
  qbr: 'QBR',
  renewal: 'Renewal',
  marketing: 'Marketing',
  social: 'Social',
};
const DEPLOYMENT_STATUSES: Record<string, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  live: 'Live',
  stalled: 'Stalled',
  cancelled: 'Cancelled',
};
export const SENTIMENTS = [
  { value: 2, label: 'Very positive' },
  { value: 1, label: 'Positive' },
  { value: 0, label: 'Neutral' },
  { value: -1, label: 'Negative' },
  { value: -2, label: 'Very negative' },
] as const;

/** "some_code" -> "Some code" for codes without a label of their own. */
export function humanize(code: string): string {
  const words = code.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const label = (table: Record<string, string>) => (code: string) => table[code] ?? humanize(code);

/** User-defined segments are shown as the user wrote them; the defaults get proper words; none (null, or the key NO_SEGMENT) is "No segment". */
export const segmentLabel = (code: string | null) => SEGMENTS[code ?? NO_SEGMENT] ?? code ?? '';
export const stageLabel = label(STAGES);
export const channelLabel = label(CHANNELS);
export const touchpointKindLabel = label(TOUCHPOINT_KINDS);
export const deploymentStatusLabel = label(DEPLOYMENT_STATUSES);
export const sentimentLabel = (value: number) => SENTIMENTS.find((s) => s.value === value)?.label ?? String(value);
