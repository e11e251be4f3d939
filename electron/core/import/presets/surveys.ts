import { findHeader, resolveByRules, type PresetSpec } from './types';

// Survey exports (NPS by default; the kind is a default the wizard lets the user change). Form tools
// head a question's column with the question itself, so the score is the column asking how likely
// one is to recommend, found in the header. A respondent's account comes from their e-mail (a known
// contact), a column, or one account for the whole file (`defaults.account`).

const RECOMMEND = /recommend/i;
const WHY = /\b(why|reason|comment|feedback|tell us|anything else)\b/i;

/** Qualtrics writes `Q7_NPS_GROUP` beside an NPS question `Q7`: that names the score column. */
function qualtricsScore(headers: readonly string[]): Record<string, string> {
  const group = findHeader(headers, /_NPS_GROUP$/i);
  const score = group?.replace(/_NPS_GROUP$/i, '');
  return score && headers.includes(score) ? { score } : {};
}

export const SURVEY_PRESETS: readonly PresetSpec[] = [
  {
    name: 'qualtrics-nps',
    tool: 'Qualtrics',
    into: 'surveyResponses',
    description:
      'Qualtrics response export, CSV (3 header rows; RecordedDate, RecipientEmail, the NPS question found by its Q…_NPS_GROUP column; DistributionChannel as a custom field)',
    required: ['ResponseId', 'RecordedDate', 'StartDate', 'EndDate', 'Finished'],
    optional: [
      'Status',
      'IPAddress',
      'Progress',
      'Duration (in seconds)',
      'RecipientLastName',
      'RecipientFirstName',
      'ExternalReference',
      'LocationLatitude',
      'LocationLongitude',
      'UserLanguage',
    ],
    extraHeaderRows: 2,
    resolve: qualtricsScore,
    mapping: { fields: { respondedAt: 'RecordedDate', contactEmail: 'RecipientEmail' }, defaults: { kind: 'nps' } },
  },
  {
    name: 'surveymonkey-nps',
    tool: 'SurveyMonkey',
    into: 'surveyResponses',
    description: "SurveyMonkey 'All responses data' CSV (2 header rows; End Date, Email Address, the question asking how likely one is to recommend, the follow-up question)",
    required: ['Respondent ID', 'Collector ID', 'Start Date', 'End Date'],
    optional: ['IP Address', 'First Name', 'Last Name', 'Custom Data 1'],
    extraHeaderRows: 1,
    resolve: resolveByRules({ score: RECOMMEND, comment: WHY }),
    mapping: { fields: { respondedAt: 'End Date', contactEmail: 'Email Address' }, defaults: { kind: 'nps' } },
  },
  {
    name: 'typeform-nps',
    tool: 'Typeform',
    into: 'surveyResponses',
    description: "Typeform responses CSV (#, one column per question, Submit Date (UTC); an e-mail question or hidden field 'email')",
    required: ['#', 'Submit Date (UTC)', 'Start Date (UTC)', 'Network ID'],
    resolve: resolveByRules({ score: RECOMMEND, comment: WHY, contactEmail: /^(email|e-mail|email address|what is your (work )?email\??)$/i }),
    mapping: { fields: { respondedAt: 'Submit Date (UTC)' }, defaults: { kind: 'nps' } },
  },
  {
    name: 'google-forms-nps',
    tool: 'Google Forms',
    into: 'surveyResponses',
    description: 'Google Forms responses sheet as CSV (Timestamp, Email Address when the form collects it, one column per question)',
    required: ['Timestamp'],
    optional: ['Email Address'],
    resolve: resolveByRules({ score: RECOMMEND, comment: WHY }),
    mapping: { fields: { respondedAt: 'Timestamp', contactEmail: 'Email Address' }, defaults: { kind: 'nps' } },
  },
  {
    name: 'delighted-nps',
    tool: 'Delighted',
    into: 'surveyResponses',
    description:
      'Delighted responses CSV (Response ID, Email, Name, Score, Comment, Response timestamp, Permalink, Tags, Notes, then one column per person property, e.g. Company)',
    required: ['Response ID', 'Score', 'Permalink', 'Response timestamp'],
    optional: ['Name', 'Tags', 'Notes'],
    mapping: {
      fields: { score: 'Score', comment: 'Comment', contactEmail: 'Email', respondedAt: 'Response timestamp', account: 'Company' },
      defaults: { kind: 'nps' },
    },
  },
];
