import type { FrameworkInput } from '../../../../shared/contract/assessments';
import { FIVE_LEVELS, item, standardStages } from './shared';

// Customer-experience maturity, written for Fulcrum. Loosely inspired by the common idea of CX
// maturity models (strategy, insight, design, measurement, governance, culture); no published
// framework's wording is used.
export const CX_MATURITY: { name: string; framework: FrameworkInput } = {
  name: 'Customer-experience maturity',
  framework: {
    description: 'How deliberately an organisation shapes the experience its customers have, from intent to daily habit.',
    scale: FIVE_LEVELS,
    dimensions: [
      {
        key: 'strategy',
        name: 'Strategy',
        description: 'A stated intent for the experience, tied to business goals.',
        weight: 1,
        items: [
          item(
            'strategy-vision',
            'There is a written description of the experience we want customers to have.',
            [
              'Nothing written down',
              'Slogans without substance',
              'A written statement most leaders know',
              'Used to choose between initiatives',
              'Customers would recognise it in what we do',
            ],
            ['Where is it written?', 'When was it last used to decide something?'],
          ),
          item(
            'strategy-goals',
            'Experience goals are part of business goals and budgets.',
            ['No link', 'Mentioned in plans', 'Experience targets in annual goals', 'Budgets follow the targets', 'Leaders are paid partly on them'],
            ['Which goal document names them?'],
          ),
          item(
            'strategy-priorities',
            'Improvement work is prioritised by its effect on customers.',
            ['Loudest voice wins', 'Occasional customer arguments', 'A shared scoring for priorities', 'Scoring uses measured impact', 'Impact is checked after delivery'],
            [],
          ),
        ],
      },
      {
        key: 'understanding',
        name: 'Customer understanding',
        description: 'Knowing who the customers are, what they need and how they feel.',
        weight: 1,
        items: [
          item(
            'understanding-personas',
            'Key customer types are described with their needs and preferred channels.',
            ['Not described', 'Informal ideas per team', 'Written personas', 'Personas refreshed from research yearly', 'Personas drive design and staffing'],
            ['Show the personas and their last update.'],
          ),
          item(
            'understanding-research',
            'Teams talk to customers regularly to learn, not only to sell or fix.',
            ['Never', 'When a problem arises', 'A planned research rhythm', 'Findings shared across teams', 'Research shapes most roadmap decisions'],
            [],
          ),
          item(
            'understanding-voice',
            'Feedback from all channels is collected in one place and read.',
            ['Scattered or lost', 'Collected per channel', 'Collected centrally', 'Themes analysed monthly', 'Themes trigger owned actions'],
            ['Where does feedback land?'],
          ),
        ],
      },
      {
        key: 'journey',
        name: 'Journey design',
        description: 'Designing the path customers take, end to end and across channels.',
        weight: 1,
        items: [
          item(
            'journey-maps',
            'The main customer journeys are mapped from first need to the need being gone.',
            ['No maps', 'Partial maps for one team', 'Main journeys mapped end to end', 'Maps kept current and measured', 'Maps steer investment'],
            ['Which journeys are mapped?'],
          ),
          item(
            'journey-moments',
            'The moments that decide how customers feel are known and designed with care.',
            ['Unknown', 'Guessed by some', 'Named for each journey', 'Each has a target and an owner', 'Consistently excellent'],
            [],
          ),
          item(
            'journey-channels',
            'Customers can move between channels without repeating themselves.',
            ['Every channel starts over', 'Some context passed on', 'Shared history in most channels', 'Seamless in all main channels', 'Customers comment on the ease'],
            [],
          ),
        ],
      },
      {
        key: 'measurement',
        name: 'Measurement',
        description: 'Knowing, with numbers, how the experience performs.',
        weight: 1,
        items: [
          item(
            'measurement-metrics',
            'Satisfaction, loyalty and effort are measured consistently.',
            ['Not measured', 'One-off surveys', 'Regular surveys with one method', 'Measured per journey and segment', 'Linked to revenue and retention'],
            ['Which metrics, how often, how many answers?'],
          ),
          item(
            'measurement-targets',
            'Touchpoints have measurable targets that reflect customer expectations.',
            ['None', 'A few internal SLAs', 'Targets for key touchpoints', 'Targets tracked and reviewed', 'Targets set from what customers expect'],
            [],
          ),
          item(
            'measurement-closing',
            'Unhappy customers are contacted and the cause is fixed.',
            ['No follow-up', 'Sometimes, by goodwill', 'A defined follow-up process', 'Causes logged and fixed', 'Fixes verified with the customer'],
            [],
          ),
        ],
      },
      {
        key: 'governance',
        name: 'Governance',
        description: 'Who decides, who owns, and how progress is reviewed.',
        weight: 1,
        items: [
          item(
            'governance-ownership',
            'Each journey has a named owner with the mandate to change it.',
            ['No owners', 'Owners in name only', 'Named owners', 'Owners with budget and authority', 'Owners measured on outcomes'],
            [],
          ),
          item(
            'governance-review',
            'Leaders review experience results on a fixed rhythm.',
            ['Never', 'After escalations', 'Quarterly review', 'Monthly review with actions', 'Review drives company priorities'],
            ['Show the last review agenda.'],
          ),
          item(
            'governance-crossteam',
            'Teams that share a journey plan improvements together.',
            ['Silos', 'Ad hoc meetings', 'A cross-team forum', 'Joint plans and shared targets', 'Shared incentives'],
            [],
          ),
        ],
      },
      {
        key: 'culture',
        name: 'Culture',
        description: 'Whether people at every level act for the customer without being told.',
        weight: 1,
        items: [
          item(
            'culture-empowerment',
            'Front-line staff may solve customer problems without asking permission.',
            ['Everything escalated', 'Some discretion', 'Written limits of discretion', 'Generous limits, used often', 'Trusted judgement, celebrated'],
            [],
          ),
          item(
            'culture-recognition',
            'Good customer work is recognised and rewarded.',
            ['Not noticed', 'Occasional thanks', 'A recognition routine', 'Part of reviews', 'Part of promotion criteria'],
            [],
          ),
          item(
            'culture-hiring',
            'Hiring and onboarding stress care for customers.',
            ['Not considered', 'Mentioned informally', 'In job profiles', 'Assessed in interviews', 'Lived from the first day'],
            [],
          ),
        ],
      },
    ],
    stages: standardStages('measurement', 'Measurement'),
  },
};
