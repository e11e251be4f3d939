/**
 * What a change anywhere in the workspace can move: screens showing metrics reload on these
 * domains' `<domain>.changed` events (`health.changed` after a recompute, `settings.changed`
 * after new weights or targets).
 */
export const METRIC_DOMAINS = ['accounts', 'tickets', 'surveyResponses', 'touchpoints', 'deployments', 'deals', 'outcomes', 'health', 'settings'];
