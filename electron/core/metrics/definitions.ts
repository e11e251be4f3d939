/**
 * Each metric's definition, as the UI shows it on a card ("the definition of this card").
 * The formulas and sources repeat the doc comments of the functions that compute them.
 */

export interface MetricDefinition {
  id: string;
  name: string;
  /** The formula in words. */
  formula: string;
  unit: 'percent' | 'points' | 'score' | 'mean' | 'money' | 'minutes' | 'days' | 'months' | 'count' | 'index';
  source: string;
}

export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'nps',
    name: 'Net Promoter Score',
    formula:
      '% promoters (9-10) − % detractors (0-6) of all 0-10 answers, passives in the base; 95 % interval from the variance of the promoter/detractor difference; a warning below 30 answers',
    unit: 'points',
    source: 'Reichheld (2003), HBR "The One Number You Need to Grow"; interval: Rocks (2016), The American Statistician',
  },
  {
    id: 'csat',
    name: 'Customer satisfaction (CSAT)',
    formula: 'share of 4 and 5 answers on the 1-5 scale (top-2-box), with a Wilson 95 % interval',
    unit: 'percent',
    source: 'Top-two-box convention; interval: Wilson (1927), JASA 22:209-212',
  },
  {
    id: 'nsat',
    name: 'Net satisfaction (NSAT)',
    formula: '% very satisfied − % dissatisfied (both dissatisfied answers) + 100, 0-200; "don\'t know" and n/a left out of the base',
    unit: 'index',
    source: "Microsoft's net satisfaction index (customer and partner satisfaction surveys)",
  },
  {
    id: 'ces',
    name: 'Customer Effort Score (CES)',
    formula: 'mean of the 1-7 answers ("the company made it easy"), and the share of answers ≥ 5',
    unit: 'mean',
    source: 'Dixon, Freeman & Toman (2010), HBR; CES 2.0 in Dixon, Toman & DeLisi (2013), "The Effortless Experience"',
  },
  {
    id: 'advocates',
    name: 'Advocate segments',
    formula: 'would-recommend × would-buy-again (0-10), high = 9-10: champions (both high), moral supporters (recommend only), captives (buy again only), rebels (neither)',
    unit: 'percent',
    source: 'Loyalty grid after Dick & Basu (1994), JAMS 22(2); cut-off at the NPS promoter threshold (Reichheld 2003)',
  },
  {
    id: 'quantile',
    name: 'Median and p90',
    formula: 'linear interpolation between order statistics (Hyndman-Fan type 7); nearest rank (type 1) on request',
    unit: 'minutes',
    source: 'Hyndman & Fan (1996), "Sample quantiles in statistical packages", The American Statistician 50(4)',
  },
  {
    id: 'ticketVolume',
    name: 'Ticket volume',
    formula: 'tickets opened in the period (archived tickets left out)',
    unit: 'count',
    source: 'Plain count',
  },
  {
    id: 'backlog',
    name: 'Backlog',
    formula: 'tickets open at the period end: opened before it and not resolved before it',
    unit: 'count',
    source: 'Plain count',
  },
  {
    id: 'firstResponse',
    name: 'First response time',
    formula:
      'minutes from opening to the first response (working minutes when business hours are on), median and p90 by linear interpolation (Hyndman-Fan type 7), read from a log-bucket sketch within 1 % relative error',
    unit: 'minutes',
    source: 'Hyndman & Fan (1996), The American Statistician 50(4); sketch: Masson, Rim & Lee (2019), "DDSketch", PVLDB 12(12)',
  },
  {
    id: 'resolution',
    name: 'Resolution time',
    formula: 'minutes from opening to resolution, median and p90 as for first response (same sketch, same method)',
    unit: 'minutes',
    source: 'Hyndman & Fan (1996); Masson, Rim & Lee (2019), "DDSketch", PVLDB 12(12)',
  },
  {
    id: 'slaAttainment',
    name: 'SLA attainment',
    formula:
      'share of the tickets of a priority answered (or resolved) within its target from the settings, of those answered (resolved); Wilson interval; only times within 1 % of the target can be misclassified',
    unit: 'percent',
    source: 'Service-level reporting convention; interval: Wilson (1927)',
  },
  {
    id: 'ticketCsat',
    name: 'Ticket CSAT',
    formula: 'share of 4-5 answers to the satisfaction question on solved tickets (top-2-box), Wilson interval',
    unit: 'percent',
    source: 'Top-two-box convention; interval: Wilson (1927), JASA 22:209-212',
  },
  {
    id: 'grr',
    name: 'Gross revenue retention',
    formula: '(start ARR − churned − contraction) / start ARR, for the accounts present at the start',
    unit: 'percent',
    source: 'Subscription-business reporting convention (e.g. KeyBanc Capital Markets SaaS survey)',
  },
  {
    id: 'nrr',
    name: 'Net revenue retention',
    formula: '(start ARR − churned − contraction + expansion) / start ARR; new customers are not in the cohort',
    unit: 'percent',
    source: 'Subscription-business reporting convention (e.g. KeyBanc Capital Markets SaaS survey)',
  },
  {
    id: 'logoChurn',
    name: 'Logo churn',
    formula: 'customers lost in the period / customers at the start (logo retention = 100 % − logo churn), Wilson interval',
    unit: 'percent',
    source: 'Churn rate 1 − r, Gupta & Lehmann (2003), Journal of Interactive Marketing 17(1)',
  },
  {
    id: 'logoRetention',
    name: 'Logo retention',
    formula: 'customers at the start still customers at the end / customers at the start (100 % − logo churn), Wilson interval',
    unit: 'percent',
    source: 'Retention rate r, Gupta & Lehmann (2003), Journal of Interactive Marketing 17(1)',
  },
  {
    id: 'renewalRate',
    name: 'Renewal rate',
    formula: 'renewals won / renewals due in the period, Wilson interval',
    unit: 'percent',
    source: 'Subscription-business reporting convention',
  },
  {
    id: 'tenure',
    name: 'Tenure',
    formula: 'days from the customer start date to the period end (or churn date); median over accounts',
    unit: 'days',
    source: 'Plain duration; median by Hyndman & Fan (1996) type 7',
  },
  {
    id: 'tenureMonths',
    name: 'Tenure',
    formula: 'months (of 365.25 / 12 days) from the customer start date to the period end, median over the customers at the period end',
    unit: 'months',
    source: 'Plain duration; median by Hyndman & Fan (1996) type 7',
  },
  {
    id: 'clv',
    name: 'Customer lifetime value',
    formula:
      'Σ m · r^t / (1 + i)^t − AC = m · r / (1 + i − r) − AC: yearly margin m, retention r, discount i, acquisition cost AC (settings); survival convention "retained to year 1": the first margin one period out, weighted by r^t. Customer equity sums it without AC (spent for current customers)',
    unit: 'money',
    source: 'Gupta & Lehmann (2003), "Customers as assets"; Gupta & Lehmann (2005), "Managing Customers as Investments"',
  },
  {
    id: 'clvPresent',
    name: 'Customer lifetime value (present in year 1)',
    formula:
      'Σ m · r^(t−1) / (1 + i)^t − AC = m / (1 + i − r) − AC: yearly margin m, retention r, discount i, acquisition cost AC (settings); survival convention "present in year 1": the first margin one period out, counted in full. Customer equity sums it without AC',
    unit: 'money',
    source: 'Gupta & Lehmann (2005), "Managing Customers as Investments" (the r^(t−1) convention); Berger & Nasr (1998), Journal of Interactive Marketing 12(1)',
  },
  {
    id: 'clvCohort',
    name: 'Customer lifetime value (cohort form)',
    formula: 'Σ m_t · S_t / (1 + i)^t for t = 1..T − AC, S_t the cohort survival (r^t for a constant r; "retained to year 1"), AC the acquisition cost',
    unit: 'money',
    source: 'Gupta, Lehmann & Stuart (2004), "Valuing customers", Journal of Marketing Research 41(1)',
  },
  {
    id: 'clvCohortPresent',
    name: 'Customer lifetime value (cohort form, present in year 1)',
    formula: 'Σ m_t · S_(t−1) / (1 + i)^t for t = 1..T − AC, S_0 = 1 (r^(t−1) for a constant r; "present in year 1"), AC the acquisition cost',
    unit: 'money',
    source: 'Gupta, Lehmann & Stuart (2004), "Valuing customers", Journal of Marketing Research 41(1)',
  },
  {
    id: 'customerValueAdded',
    name: 'Customer value added (CVA)',
    formula:
      'perceived worth of our offer / perceived worth of the competitor’s = relative quality / relative price (Q / P, both indexes with the competitor at 100): a ratio, 1 = parity',
    unit: 'index',
    source: 'Gale (1994), "Managing Customer Value", customer-value-added ratio',
  },
  {
    id: 'customerValueRatio',
    name: 'Customer value ratio (weighted)',
    formula:
      'w_q · (relative quality / 100) + w_p · (price satisfaction / 100), weights from settings rescaled to sum 1 (e.g. 80/20): the perceived-quality ratio and the price-satisfaction ratio, 1 = parity',
    unit: 'index',
    source: 'Gale (1994), "Managing Customer Value": quality and price satisfaction weighted into one ratio',
  },
  {
    id: 'bgnbdPurchases',
    name: 'Expected purchases (BG/NBD)',
    formula:
      'E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)); r, α, a, b by maximum likelihood on the purchase histories (weeks; same-day purchases as one)',
    unit: 'count',
    source: 'Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2)',
  },
  {
    id: 'bgnbdAlive',
    name: 'Probability still a customer (BG/NBD)',
    formula: 'P(alive | x, t_x, T) = 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))',
    unit: 'percent',
    source: 'Fader, Hardie & Lee (2005), Marketing Science 24(2), eq. 13',
  },
  {
    id: 'clvPurchases',
    name: 'Customer lifetime value (purchases: BG/NBD × Gamma-Gamma)',
    formula:
      'margin % × E[spend] × Σ_k (E[Y(t_k)] − E[Y(t_(k−1))]) / (1 + i)^(t_k / 52) over monthly steps t_k up to the horizon − AC: expected purchases per month (BG/NBD), expected value per purchase (Gamma-Gamma: (γ + x z̄) p / (px + q − 1)), yearly discount i and margin from settings; customer equity sums it without AC',
    unit: 'money',
    source: 'Fader, Hardie & Lee (2005), "RFM and CLV", Journal of Marketing Research 42(4); Fader & Hardie, "The Gamma-Gamma Model of Monetary Value"',
  },
  {
    id: 'customerEquity',
    name: 'Customer equity',
    formula: 'sum of the CLVs of the current customers',
    unit: 'money',
    source: 'Rust, Zeithaml & Lemon (2000), "Driving Customer Equity"; Gupta & Lehmann (2003)',
  },
  {
    id: 'roc',
    name: 'Return on customer',
    formula: '(cash flow in the period + change in customer equity) / customer equity at the start',
    unit: 'percent',
    source: 'Peppers & Rogers (2005), "Return on Customer"',
  },
  {
    id: 'valueMap',
    name: 'Relative quality / price (value map)',
    formula:
      'Σ weight × (our rating / competitor rating), weights summing to 100 (100 = parity); relative price = 100 · 100 / price-satisfaction score; ratios unrounded unless "rounded to 2 decimals" is chosen',
    unit: 'index',
    source: 'Gale (1994), "Managing Customer Value"',
  },
  {
    id: 'valueAdvantage',
    name: 'Value advantage (value map)',
    formula:
      'relative quality − relative price, in index points: the distance above the fair-value line through parity (100, 100); above 0 better value, below 0 worse value, 0 fair value',
    unit: 'index',
    source: 'Gale (1994), "Managing Customer Value", the customer value map',
  },
  {
    id: 'health',
    name: 'Health score',
    formula: 'Σ w · s / Σ w over the components with data; coverage = weight with data / all weight; below 60 % coverage "insufficient data"; red < 50, amber < 70, else green',
    unit: 'score',
    source: 'Weighted composite indicator with re-weighting of missing components: OECD & JRC (2008), "Handbook on Constructing Composite Indicators"',
  },
  {
    id: 'referenceMatch',
    name: 'Reference match',
    formula:
      "after five gates in order (stage active, a valid consent for the activity, the consent's restrictions, health at or above the threshold, fatigue budgets and rest period): similarity = industry 30 + product 20 + use case 15 + size band 15 + region 10 + competitor displaced 10 for the criteria that match (weights in settings); rank = similarity 60 % + readiness 25 % + freshness 15 % (days since last use, full at 180)",
    unit: 'score',
    source: 'Weighted additive score (Edwards & Barron 1994, "SMARTS and SMARTER"); weights are the product\'s',
  },
];

/** The definition of one metric, or undefined. */
export function metricDefinition(id: string): MetricDefinition | undefined {
  return METRIC_DEFINITIONS.find((d) => d.id === id);
}
