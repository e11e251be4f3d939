// What customers open tickets about, and what account teams write down after a touchpoint.

/** Topics with their share of volume (a Pareto: the top three are half of all tickets). */
export const TOPICS: readonly (readonly [string, number])[] = [
  ['How-to', 22],
  ['Login & SSO', 16],
  ['Integrations', 13],
  ['Reporting', 10],
  ['Billing', 8],
  ['Performance', 7],
  ['Permissions', 7],
  ['Data import', 6],
  ['Bug', 6],
  ['Email channel', 3],
  ['Feature request', 2],
];

export const SUBJECTS: Record<string, readonly string[]> = {
  'How-to': ['How do I set up a new queue?', 'Question about macros', 'How to merge duplicate tickets', 'Configuring business hours'],
  'Login & SSO': ['Users cannot log in with SSO', 'SAML certificate expired', 'MFA reset for an agent', 'Locked out after password change'],
  Integrations: ['CRM sync stopped', 'Webhook returns 500', 'Slack notifications missing', 'API rate limit reached'],
  Reporting: ['Dashboard shows wrong SLA figures', 'Scheduled report not delivered', 'Export to CSV times out'],
  Billing: ['Invoice shows wrong licence count', 'Update billing contact', 'Question about renewal quote'],
  Performance: ['Agent workspace is slow', 'Search takes over 10 seconds', 'Timeouts during peak hours'],
  Permissions: ['Agent cannot see team tickets', 'Custom role missing a permission', 'Restrict access to a brand'],
  'Data import': ['Historic ticket import failed', 'Contacts import duplicates records', 'Mapping custom fields on import'],
  Bug: ['Attachments fail to upload', 'Ticket form loses draft', 'Wrong time zone on replies'],
  'Email channel': ['Emails not converted to tickets', 'Replies land in spam', 'Forwarding address verification'],
  'Feature request': ['Request: bulk edit of tags', 'Request: custom SLA calendars', 'Request: dark mode'],
};

export const TOUCHPOINT_NOTES: Record<string, readonly string[]> = {
  onboarding: ['Kickoff call: goals, timeline and owners agreed', 'Welcome session with the admin team', 'Success plan drafted and shared'],
  implementation: ['Workshop on queues and routing', 'Data migration dry run reviewed', 'Integration design session', 'Go-live readiness check'],
  training: ['Admin training (2 h)', 'Agent training for the first wave', 'Reporting training for team leads'],
  support: ['Escalation call about open tickets', 'Reviewed the backlog with the support lead', 'Follow-up on a critical incident'],
  qbr: ['Quarterly business review: adoption and SLA trends', 'QBR with the executive sponsor', 'QBR: roadmap preview and goals for next quarter'],
  renewal: ['Renewal conversation started', 'Renewal quote sent', 'Negotiated renewal terms'],
  marketing: ['Attended the product webinar', 'Opened the release newsletter', 'Invited to the customer advisory board'],
  social: ['Posted an answer in the community', 'Shared a tip in the community forum', 'Commented on a product update'],
};
