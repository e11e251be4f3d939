import type { PresetSpec } from './types';

// CRM exports. Salesforce: Setup → Data Export writes one CSV per object with the API field names
// (Account.csv, Contact.csv, Opportunity.csv). HubSpot: a view's Export writes the property labels.
// A company's annual revenue is its size, not what it pays us: it is kept as a custom field, never as ARR.

const annualRevenue = (column: string) => ({ column, name: 'Annual revenue', type: 'number' as const });

export const CRM_PRESETS: readonly PresetSpec[] = [
  {
    name: 'salesforce-accounts',
    tool: 'Salesforce',
    into: 'accounts',
    description:
      'Salesforce Data Export, Account.csv (Id, Name, Industry, BillingCountry, NumberOfEmployees; AnnualRevenue, Type and Rating as custom fields; no segment: the Account object has none)',
    required: ['Id', 'Name', 'BillingCountry', 'AnnualRevenue', 'NumberOfEmployees'],
    optional: ['IsDeleted', 'MasterRecordId', 'ParentId', 'BillingCity', 'BillingState', 'Phone', 'Website', 'OwnerId', 'CreatedDate', 'AccountNumber', 'Rating', 'Ownership'],
    mapping: {
      // Type is the account's relationship (Prospect, Customer - Direct, Customer - Channel, Channel
      // Partner / Reseller, Installation Partner, Technology Partner, Other), not a size segment:
      // kept as a choice field. The standard Account object has no segment field at all; an org's own
      // (a custom Segment__c) is mapped over the preset.
      fields: { externalId: 'Id', name: 'Name', industry: 'Industry', region: 'BillingCountry', employeeCount: 'NumberOfEmployees' },
      customFields: [annualRevenue('AnnualRevenue'), { column: 'Type', name: 'Account type', type: 'choice' }, { column: 'Rating', name: 'Rating', type: 'choice' }],
    },
  },
  {
    name: 'salesforce-contacts',
    tool: 'Salesforce',
    into: 'contacts',
    description: 'Salesforce Data Export, Contact.csv (AccountId, FirstName, LastName, Title, Email): the account by its Salesforce Id, as the accounts preset stores it',
    required: ['Id', 'AccountId', 'FirstName', 'LastName', 'Email'],
    optional: ['IsDeleted', 'Salutation', 'Phone', 'MobilePhone', 'Department', 'LeadSource', 'OwnerId', 'CreatedDate', 'MailingCountry'],
    mapping: { fields: { account: 'AccountId', firstName: 'FirstName', lastName: 'LastName', title: 'Title', email: 'Email' } },
  },
  {
    name: 'salesforce-opportunities',
    tool: 'Salesforce',
    into: 'deals',
    description: 'Salesforce Data Export, Opportunity.csv (Name, StageName, Amount, CreatedDate, CloseDate, Type, LeadSource; the standard sales stages read as Fulcrum stages)',
    required: ['Id', 'AccountId', 'Name', 'StageName', 'CloseDate', 'Amount'],
    optional: ['IsDeleted', 'Probability', 'ExpectedRevenue', 'ForecastCategory', 'IsClosed', 'IsWon', 'OwnerId', 'NextStep', 'Description'],
    mapping: {
      fields: { prospect: 'Name', stage: 'StageName', amountMinor: 'Amount', openedAt: 'CreatedDate', closedAt: 'CloseDate', currency: 'CurrencyIsoCode' },
    },
  },
  {
    name: 'hubspot-companies',
    tool: 'HubSpot',
    into: 'accounts',
    description:
      'HubSpot companies export (Record ID, Company name, Company Domain Name, Industry, Number of Employees, Country/Region, Company owner; Annual Revenue as a custom field)',
    required: ['Record ID', 'Company name', 'Company Domain Name'],
    optional: ['Create Date', 'Lifecycle Stage', 'Last Activity Date', 'Phone Number', 'City', 'State/Region', 'Type'],
    mapping: {
      fields: { externalId: 'Record ID', name: 'Company name', industry: 'Industry', employeeCount: 'Number of Employees', region: 'Country/Region', owner: 'Company owner' },
      customFields: [annualRevenue('Annual Revenue'), { column: 'Company Domain Name', name: 'Domain', type: 'text' }],
    },
  },
  {
    name: 'hubspot-contacts',
    tool: 'HubSpot',
    into: 'contacts',
    description: 'HubSpot contacts export (First Name, Last Name, Email, Job Title, Company Name: the account by name)',
    required: ['Record ID', 'First Name', 'Last Name', 'Email'],
    optional: ['Phone Number', 'Contact owner', 'Lifecycle Stage', 'Lead Status', 'Create Date', 'Last Activity Date', 'Marketing contact status'],
    mapping: { fields: { firstName: 'First Name', lastName: 'Last Name', email: 'Email', title: 'Job Title', account: 'Company Name' } },
  },
  {
    name: 'hubspot-deals',
    tool: 'HubSpot',
    into: 'deals',
    description: "HubSpot deals export (Deal Name, Deal Stage, Amount, Create Date, Close Date, Deal owner; the default pipeline's stages read as Fulcrum stages)",
    required: ['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline'],
    optional: ['Last Activity Date', 'Deal Type', 'Forecast category', 'Deal probability'],
    mapping: {
      fields: { prospect: 'Deal Name', stage: 'Deal Stage', amountMinor: 'Amount', openedAt: 'Create Date', closedAt: 'Close Date', owner: 'Deal owner' },
    },
  },
  {
    name: 'gainsight-health',
    tool: 'Gainsight',
    into: 'accounts',
    description: 'Gainsight-style company health export (Company GSID, Company Name, ARR, Renewal Date, CSM, Stage; Overall Score and each scorecard measure as custom fields)',
    required: ['Company GSID', 'Company Name', 'Overall Score'],
    optional: ['Status', 'Original Contract Date', 'Industry', 'Employees'],
    mapping: {
      fields: {
        externalId: 'Company GSID',
        name: 'Company Name',
        arrMinor: 'ARR',
        renewalDate: 'Renewal Date',
        owner: 'CSM',
        lifecycleStage: 'Stage',
        industry: 'Industry',
        employeeCount: 'Employees',
        contractStart: 'Original Contract Date',
      },
      customFields: [
        { column: 'Overall Score', name: 'Health score', type: 'number' },
        { column: 'Product Usage', name: 'Health: product usage', type: 'number' },
        { column: 'Support', name: 'Health: support', type: 'number' },
        { column: 'NPS', name: 'Health: NPS', type: 'number' },
        { column: 'Relationship', name: 'Health: relationship', type: 'number' },
        { column: 'Status', name: 'Gainsight status', type: 'choice' },
      ],
    },
  },
];
