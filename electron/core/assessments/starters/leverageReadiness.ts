import type { FrameworkInput } from '../../../../shared/contract/assessments';
import { FIVE_LEVELS, item, standardStages } from './shared';

// Customer leverage readiness, written for Fulcrum: whether satisfied, loyal customers are turned
// into references, stories and product insight.
export const LEVERAGE_READINESS: { name: string; framework: FrameworkInput } = {
  name: 'Customer leverage readiness',
  framework: {
    description: 'How ready the organisation is to let satisfied, loyal customers help it sell, prove and improve.',
    scale: FIVE_LEVELS,
    dimensions: [
      {
        key: 'satisfaction',
        name: 'Satisfaction measurement',
        description: 'Knowing who is satisfied, and why.',
        weight: 1,
        items: [
          item(
            'satisfaction-coverage',
            'Satisfaction is measured after the key touchpoints.',
            ['Not measured', 'An annual survey', 'After key touchpoints', 'With enough answers per segment', 'With intervals and trends reported'],
            [],
          ),
          item(
            'satisfaction-drivers',
            'The drivers of satisfaction are understood.',
            ['Unknown', 'Assumed', 'Analysed once', 'Analysed each period', 'Drivers steer investment'],
            [],
          ),
        ],
      },
      {
        key: 'loyalty',
        name: 'Loyalty measurement',
        description: 'Knowing who will stay and recommend.',
        weight: 1,
        items: [
          item(
            'loyalty-measure',
            'Loyalty (recommendation, retention) is measured per account.',
            ['Not measured', 'Company-wide only', 'Per segment', 'Per account', 'Per account with trend and reasons'],
            [],
          ),
          item(
            'loyalty-link',
            'Loyalty is linked to revenue: renewals, expansion, lifetime value.',
            ['No link', 'Anecdotal', 'Reported side by side', 'Analysed together', 'Used to value the customer base'],
            [],
          ),
        ],
      },
      {
        key: 'references',
        name: 'Reference programme',
        description: 'Customers who speak for the company, with consent.',
        weight: 1,
        items: [
          item(
            'references-pool',
            'There are enough ready references across industries, segments and regions.',
            ['None', 'A handful of favourites', 'A pool with known gaps', 'Gaps closed on purpose', 'Coverage for most deals'],
            [],
          ),
          item(
            'references-matching',
            'Sales gets the best-matching reference for a deal quickly.',
            ['Not possible', 'By asking around', 'A searchable list', 'Ranked matches with reasons', 'Matched within a day, influence tracked'],
            [],
          ),
        ],
      },
      {
        key: 'stories',
        name: 'Success-story pipeline',
        description: 'Customer results turned into stories others can trust.',
        weight: 1,
        items: [
          item(
            'stories-pipeline',
            'Success stories move from idea to publication on a known path.',
            ['No stories', 'Occasional stories', 'A defined path', 'A tracked pipeline', 'A steady rhythm of releases'],
            [],
          ),
          item(
            'stories-evidence',
            'Stories carry measured, customer-approved results.',
            ['No numbers', 'Vague claims', 'Some numbers', 'Numbers verified by the customer', 'Numbers reused in sales and press'],
            [],
          ),
        ],
      },
      {
        key: 'feedback',
        name: 'Feedback into product',
        description: 'Customers shaping what is built next.',
        weight: 1,
        items: [
          item(
            'feedback-channel',
            'Customer requests reach product management in a structured way.',
            ['Lost', 'Forwarded emails', 'A central list', 'Prioritised with customer value', 'Customers see what became of them'],
            [],
          ),
          item(
            'feedback-codesign',
            'Leading customers take part in design and early releases.',
            ['Never', 'Rarely', 'A beta group', 'A standing advisory group', 'Co-design is routine'],
            [],
          ),
        ],
      },
    ],
    stages: standardStages('references', 'Reference programme'),
  },
};
