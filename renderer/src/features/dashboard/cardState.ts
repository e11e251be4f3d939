import type { Output } from '../../../../shared/contract';
import type { QueryState } from '../../api/useQuery';

export type PortfolioData = Output<'metrics.portfolio'>;
export type TrendPoints = Output<'metrics.trend'>['points'];

/** Loading means "before the first answer": a reload keeps the old chart on screen (dimmed). */
export const firstLoad = (state: Pick<QueryState<unknown>, 'data' | 'loading'>) => state.loading && state.data === undefined;
export const errorOf = (state: Pick<QueryState<unknown>, 'error'>) => state.error?.message;
