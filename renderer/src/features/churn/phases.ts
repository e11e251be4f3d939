/** The churn jobs' phases (churn/service.ts, churn/cache.ts, the satisfaction section) in words. */
export function describeChurnPhase(phase: string): string {
  switch (phase) {
    case 'history':
      return 'reading the history';
    case 'backtest':
      return 'the backtest';
    case 'training':
      return 'fitting the model';
    case 'scoring':
      return 'scoring every customer';
    case 'renewals':
      return 'grouping the renewals';
    case 'splits':
      return 'splits fitted';
    default:
      return phase;
  }
}
