// The words for stored codes live in shared/labels.ts, so the core's readable exports say what the screens say.
export * from '../../../shared/labels';
