// The demo company and its market: "Helio", a vendor of customer-service software, selling to
// companies in many industries and four regions. Word lists only; no logic beyond naming.

export const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;
export type Region = (typeof REGIONS)[number];

export const INDUSTRIES = [
  'Software',
  'Financial Services',
  'Healthcare',
  'Manufacturing',
  'Retail',
  'Logistics',
  'Telecommunications',
  'Insurance',
  'Education',
  'Energy & Utilities',
  'Media & Entertainment',
  'Public Sector',
  'Travel & Hospitality',
] as const;

/** What Helio sells; the first is what every customer starts with. */
export const PRODUCTS = ['Helio Service Desk', 'Helio Knowledge', 'Helio Analytics', 'Helio Automate', 'Helio Connect'] as const;
export type Product = (typeof PRODUCTS)[number];

export const COMPETITORS = ['Zendesk', 'Freshdesk', 'ServiceNow', 'Salesforce Service Cloud', 'HubSpot Service Hub', 'Intercom', 'Jira Service Management'] as const;

export const USE_CASES = [
  'Consolidate support channels into one desk',
  'Self-service portal to deflect tickets',
  'Replace a legacy ticketing system',
  'Automate routing and SLAs',
  'Support analytics for leadership',
  'Omnichannel contact centre',
  'Internal IT service desk',
] as const;

const BRAND_STARTS = [
  'North',
  'Blue',
  'Silver',
  'Bright',
  'Clear',
  'Iron',
  'Red',
  'Green',
  'Summit',
  'Harbor',
  'Oak',
  'Pine',
  'Stone',
  'Swift',
  'True',
  'Nova',
  'Vertex',
  'Apex',
  'Cedar',
  'Maple',
  'River',
  'Lake',
  'Sun',
  'Star',
  'Crest',
  'Granite',
  'Falcon',
  'Eagle',
  'Wolf',
  'Fox',
  'Orion',
  'Atlas',
  'Delta',
  'Quantum',
  'Echo',
  'Lumen',
  'Terra',
  'Aqua',
  'Polar',
  'Golden',
  'Coral',
  'Amber',
  'Cobalt',
  'Ember',
  'Frost',
  'High',
  'Lion',
  'Moon',
  'Sky',
  'West',
] as const;
const BRAND_ENDS = [
  'wind',
  'field',
  'gate',
  'bridge',
  'point',
  'stead',
  'ridge',
  'wave',
  'light',
  'line',
  'works',
  'view',
  'port',
  'vale',
  'path',
  'way',
  'mark',
  'forge',
  'brook',
  'wood',
  'land',
  'shore',
  'rock',
  'side',
  'beam',
  'spring',
  'haven',
  'core',
  'stream',
  'dale',
  'hill',
  'bay',
  'ford',
  'glen',
  'peak',
  'well',
  'tide',
  'more',
  'mont',
  'wick',
] as const;
const NOUNS = [
  'Group',
  'Holdings',
  'Industries',
  'Technologies',
  'Systems',
  'Solutions',
  'Partners',
  'Labs',
  'Networks',
  'Services',
  'Global',
  'Enterprises',
  'Digital',
  'Ventures',
  'Dynamics',
  'Logistics',
  'Health',
  'Foods',
  'Energy',
  'Financial',
  'Media',
  'Motors',
  'Retail',
  'Analytics',
] as const;
const LEGAL_FORMS: Record<Region, readonly string[]> = {
  NA: ['Inc.', 'LLC', 'Corp.'],
  EMEA: ['Ltd', 'GmbH', 'SA', 'BV', 'AB', 'plc', 'SpA'],
  APAC: ['Pty Ltd', 'Pte Ltd', 'KK', 'Ltd'],
  LATAM: ['SA de CV', 'Ltda', 'SA'],
};

const NAME_SPACE = BRAND_STARTS.length * BRAND_ENDS.length * NOUNS.length;
// Any stride coprime with NAME_SPACE visits every name once before repeating.
const STRIDE = 7919;

/**
 * The n-th company name of a run: distinct for the first 48,000 names of a seed (accounts and
 * lost prospects share this sequence), with a legal form that fits the region.
 */
export function companyName(n: number, offset: number, legalPick: number, region: Region): { name: string; domain: string } {
  const slot = (n * STRIDE + offset) % NAME_SPACE;
  const lap = Math.floor(n / NAME_SPACE);
  const start = BRAND_STARTS[slot % BRAND_STARTS.length]!;
  const end = BRAND_ENDS[Math.floor(slot / BRAND_STARTS.length) % BRAND_ENDS.length]!;
  const noun = NOUNS[Math.floor(slot / (BRAND_STARTS.length * BRAND_ENDS.length))]!;
  const forms = LEGAL_FORMS[region];
  const base = `${start}${end} ${noun}${lap > 0 ? ` ${lap + 1}` : ''}`;
  return {
    name: `${base} ${forms[legalPick % forms.length]}`,
    domain: `${base.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
  };
}
