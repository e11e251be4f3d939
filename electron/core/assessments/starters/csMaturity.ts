import type { FrameworkInput } from '../../../../shared/contract/assessments';
import { FIVE_LEVELS, item, standardStages } from './shared';

// Customer-success maturity, written for Fulcrum: the lifecycle from onboarding to advocacy.
export const CS_MATURITY: { name: string; framework: FrameworkInput } = {
  name: 'Customer-success maturity',
  framework: {
    description: 'How well the organisation helps customers reach the results they bought for, and keeps them.',
    scale: FIVE_LEVELS,
    dimensions: [
      {
        key: 'onboarding',
        name: 'Onboarding',
        description: 'Getting new customers live and to first value.',
        weight: 1,
        items: [
          item(
            'onboarding-plan',
            'Every new customer gets a go-live plan with dates and owners on both sides.',
            ['No plan', 'Plans for large customers only', 'A standard plan for all', 'Plans tracked against dates', 'Plans adapted per segment and reviewed'],
            ['Show a recent onboarding plan.'],
          ),
          item(
            'onboarding-value',
            'The first value the customer expects is agreed and checked.',
            ['Not discussed', 'Discussed informally', 'Written in the plan', 'Checked at go-live', 'Reported back to the buyer'],
            [],
          ),
          item(
            'onboarding-handover',
            'Sales hands over what was promised, so the customer is not asked twice.',
            ['Nothing handed over', 'An email', 'A handover template', 'A joint handover call', 'Promises tracked to delivery'],
            [],
          ),
        ],
      },
      {
        key: 'adoption',
        name: 'Adoption',
        description: 'Use of what was bought, in breadth and depth.',
        weight: 1,
        items: [
          item(
            'adoption-usage',
            'Usage against purchased licences is known for each customer.',
            ['Unknown', 'Known on request', 'Reported monthly', 'Watched with thresholds', 'Drives proactive outreach'],
            [],
          ),
          item(
            'adoption-enablement',
            'Customers are trained and guided toward features that serve their goals.',
            ['No training', 'On request', 'A training catalogue', 'Role-based paths', 'Guidance triggered by usage'],
            [],
          ),
          item(
            'adoption-outcomes',
            'The business results customers achieve are measured with them.',
            ['Not measured', 'Anecdotes', 'Measured for some', 'Baseline and result for most', 'Results verified and published'],
            ['Which outcomes were verified this year?'],
          ),
        ],
      },
      {
        key: 'health',
        name: 'Health monitoring',
        description: 'Seeing risk early and acting on it.',
        weight: 1,
        items: [
          item(
            'health-score',
            'A health score combines usage, satisfaction, support and engagement.',
            ['No score', 'Gut feeling per manager', 'A defined score', 'Score explained per account', 'Score validated against churn'],
            [],
          ),
          item(
            'health-playbooks',
            'At-risk accounts trigger a defined response.',
            ['Nothing happens', 'Heroics', 'Written playbooks', 'Playbooks tracked to closure', 'Playbooks improved from results'],
            [],
          ),
          item(
            'health-voice',
            'Survey answers and tickets feed the view of each account.',
            ['Separate silos', 'Looked up by hand', 'Visible in one place', 'Part of the health score', 'Trigger actions automatically'],
            [],
          ),
        ],
      },
      {
        key: 'renewal',
        name: 'Renewal and expansion',
        description: 'Keeping customers and growing with them.',
        weight: 1,
        items: [
          item(
            'renewal-forecast',
            'Renewals are forecast early with their risks.',
            ['Surprises at renewal', 'Checked a month before', 'Forecast a quarter ahead', 'Risks owned and worked', 'Forecast accuracy tracked'],
            [],
          ),
          item(
            'renewal-expansion',
            'Growth opportunities come from customer success, not only sales.',
            ['Never', 'By chance', 'Shared in account reviews', 'A defined hand-off to sales', 'A large share of new revenue'],
            [],
          ),
          item(
            'renewal-reviews',
            'Business reviews show customers the value they received.',
            ['No reviews', 'Product demos', 'Regular reviews', 'Reviews built on measured value', 'Executives ask for them'],
            [],
          ),
        ],
      },
      {
        key: 'advocacy',
        name: 'Advocacy and references',
        description: 'Turning successful customers into voices for the company.',
        weight: 1,
        items: [
          item(
            'advocacy-identification',
            'Customers ready to advocate are identified from facts.',
            ['Not identified', 'Known by a few', 'A list kept by hand', 'Readiness scored', 'Readiness kept current automatically'],
            [],
          ),
          item(
            'advocacy-program',
            'A reference programme asks, thanks and protects advocates.',
            ['No programme', 'Favours asked ad hoc', 'A programme with consent', 'Fatigue and limits respected', 'Advocates feel rewarded'],
            [],
          ),
          item(
            'advocacy-stories',
            'Success stories are produced with quantified results.',
            ['None', 'Quotes only', 'Some stories', 'A steady pipeline', 'Stories with verified numbers'],
            [],
          ),
        ],
      },
    ],
    stages: standardStages('health', 'Health monitoring'),
  },
};
