// Measured customer results and the success-story text built on them.

export interface OutcomeMetric {
  metric: string;
  unit: string;
  /** Typical baseline range before the deployment. */
  baseline: readonly [number, number];
  /** Whether a smaller number is the improvement (handle time) or a larger one (resolution rate). */
  better: 'lower' | 'higher';
  /** Best relative improvement a very healthy deployment reaches (0.5 = 50 %). */
  maxGain: number;
  /** How the story phrases the result. */
  headline: string;
}

export const OUTCOME_METRICS: Record<string, readonly OutcomeMetric[]> = {
  'Helio Service Desk': [
    { metric: 'Median first-response time', unit: 'hours', baseline: [6, 30], better: 'lower', maxGain: 0.75, headline: 'cut first-response time' },
    { metric: 'Tickets resolved within SLA', unit: '%', baseline: [55, 80], better: 'higher', maxGain: 0.35, headline: 'raised SLA attainment' },
    { metric: 'Cost per ticket', unit: 'USD', baseline: [9, 35], better: 'lower', maxGain: 0.4, headline: 'lowered cost per ticket' },
  ],
  'Helio Knowledge': [
    { metric: 'Self-service deflection rate', unit: '%', baseline: [5, 20], better: 'higher', maxGain: 1.5, headline: 'deflected tickets to self-service' },
    { metric: 'Repeat contacts per customer', unit: 'contacts', baseline: [1.4, 2.6], better: 'lower', maxGain: 0.35, headline: 'reduced repeat contacts' },
  ],
  'Helio Analytics': [
    { metric: 'Time to build the monthly support report', unit: 'hours', baseline: [8, 40], better: 'lower', maxGain: 0.85, headline: 'automated support reporting' },
  ],
  'Helio Automate': [
    { metric: 'Tickets routed automatically', unit: '%', baseline: [0, 15], better: 'higher', maxGain: 4, headline: 'automated ticket routing' },
    { metric: 'Average handle time', unit: 'minutes', baseline: [9, 25], better: 'lower', maxGain: 0.35, headline: 'cut handle time' },
  ],
  'Helio Connect': [{ metric: 'Agents working in one workspace', unit: '%', baseline: [20, 60], better: 'higher', maxGain: 0.9, headline: 'consolidated tools' }],
};

export const VERIFICATION_METHODS = [
  'Helio Analytics export, 90 days before and after go-live',
  'Customer BI report, reviewed with their support lead',
  'Before/after comparison of their legacy tool export',
  'Joint value review at the QBR',
] as const;

export const CHALLENGES = [
  'Support requests arrived through five channels and nobody saw the whole queue.',
  'A legacy ticketing tool could not keep up with growth and SLAs were missed.',
  'Agents spent hours every day on repetitive questions.',
  'Leadership had no reliable numbers on support quality.',
  'Routing was manual, so urgent issues waited behind trivial ones.',
] as const;

export const SOLUTIONS = [
  'Consolidated every channel into Helio Service Desk with shared SLAs.',
  'Launched a self-service portal on Helio Knowledge, fed by the top ticket topics.',
  'Automated triage and routing with Helio Automate.',
  'Built live support dashboards with Helio Analytics for the leadership team.',
  'Connected the CRM so agents see the full customer context.',
] as const;

export const QUOTES = [
  'Helio gave us one view of every customer conversation.',
  'We went live on schedule, and our customers noticed within weeks.',
  'The numbers speak for themselves: faster answers, happier customers.',
  'Our agents finally spend their time on the hard problems.',
  'The Helio team felt like part of our own project team.',
] as const;
