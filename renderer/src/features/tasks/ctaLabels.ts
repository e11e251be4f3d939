import { CTA_OUTCOME_LABELS, type Cta } from '../../../../shared/contract/ctas';

/** "Open", or "Closed: Saved". */
export const CTA_STATUS_TEXT = (cta: Pick<Cta, 'status' | 'outcome'>) => (cta.status === 'open' ? 'Open' : `Closed: ${cta.outcome ? CTA_OUTCOME_LABELS[cta.outcome] : '—'}`);
