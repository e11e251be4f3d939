/** The pure statistics layer of the metrics engine: functions over plain arrays and counts. */
export * from './types';
export * from './distribution';
export * from './interval';
export * from './nps';
export * from './csat';
export * from './nsat';
export * from './ces';
export * from './advocates';
export * from './quantiles';
export * from './retention';
export * from './value';
export * from './valueMap';
export * from './health';
export * from './healthComponents';
export * from './matching';
export * from './definitions';
