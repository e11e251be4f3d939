// Survey comments, churn reasons and reference feedback: the words that make numbers believable.

export type Tone = 'positive' | 'neutral' | 'negative';

export const COMMENTS: Record<Tone, readonly string[]> = {
  positive: [
    'Support answered within minutes and fixed it the same day.',
    'The new automation rules save my team hours every week.',
    'Our CSM really understands our business.',
    'Go-live went exactly as planned.',
    'Easy to use, our agents picked it up in a day.',
    'Reporting finally gives leadership the numbers they want.',
    'Great onboarding, clear plan and no surprises.',
    'The knowledge base cut our ticket volume noticeably.',
    'Reliable and fast, we rarely think about it, which is the point.',
    'Would recommend to any support team our size.',
  ],
  neutral: [
    'Works well overall, a few rough edges in reporting.',
    'Good product, but pricing is on the high side.',
    'Support is fine, sometimes slow on complex issues.',
    'Integrations needed more effort than expected.',
    'Does what we need, nothing more.',
    'Training material could be more detailed.',
    'OK so far, still rolling out to the second team.',
  ],
  negative: [
    'Tickets take days to get a real answer.',
    'The CRM integration keeps breaking.',
    'We are still not live after months of work.',
    'Too expensive for what we actually use.',
    'Had to explain the same problem to three different people.',
    'Performance during peak hours is unacceptable.',
    'Our users went back to email because the tool is too complex.',
    'Nobody from your side has contacted us in months.',
  ],
};

export const CHURN_REASONS_UNHAPPY = [
  'Poor adoption: agents never moved off email',
  'Support experience: slow responses on critical issues',
  'Implementation stalled; project cancelled',
  'Moved to a competitor with a better CRM integration',
  'Product gaps in reporting',
] as const;
export const CHURN_REASONS_ANY = [
  'Budget cuts',
  'Acquired; consolidated on the parent company tool',
  'Executive sponsor left the company',
  'Business closed the support team',
] as const;

export const REFERENCE_FEEDBACK: Record<'good' | 'poor', readonly string[]> = {
  good: [
    'The call convinced the prospect; they signed two weeks later.',
    'Very credible: same industry and a similar migration.',
    'Prospect loved the concrete numbers on first-response time.',
    'Strong call, the champion was candid about the rollout.',
  ],
  poor: ['Reference was not well prepared.', 'Different use case from the prospect; limited value.', 'Call was rescheduled twice; prospect lost interest.'],
};

export const CONSENT_RESTRICTIONS = [
  'No calls with direct competitors of the customer',
  'Only prospects in the same region',
  'Logo use only on the website, not in print',
  'Quotes must be approved by their PR team',
] as const;
