import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../../shared/contract/contacts';
import { adoption, adoptionTone, goLiveStatus, sortContacts } from './accountPage';

const today = new Date(2026, 2, 1, 9, 0);

describe('account page helpers', () => {
  it('lists sponsors, then champions, then everyone by name', () => {
    const contact = (name: string, isChampion = false, isExecutiveSponsor = false) => ({ name, isChampion, isExecutiveSponsor }) as Contact;
    const sorted = sortContacts([contact('Zoe'), contact('Bea', true), contact('Al'), contact('Max', false, true)]);
    expect(sorted.map((c) => c.name)).toEqual(['Max', 'Bea', 'Al', 'Zoe']);
  });

  it('measures adoption as licences used of purchased', () => {
    expect(adoption({ licencesUsed: 352, licencesPurchased: 400 })).toBe(0.88);
    expect(adoption({ licencesUsed: 10, licencesPurchased: 0 })).toBeNull();
    expect(adoption({ licencesUsed: null, licencesPurchased: 100 })).toBeNull();
    expect([0.1, 0.3, 0.9].map(adoptionTone)).toEqual(['bad', 'warn', 'ok']);
  });

  it.each([
    [{ status: 'live', plannedGoLive: '2026-01-10', actualGoLive: '2026-01-22' }, 'Went live 12 days late', 'warn'],
    [{ status: 'live', plannedGoLive: '2026-01-10', actualGoLive: '2026-01-09' }, 'Went live 1 day early', 'ok'],
    [{ status: 'live', plannedGoLive: '2026-01-10', actualGoLive: '2026-01-10' }, 'Went live on plan', 'ok'],
    [{ status: 'in_progress', plannedGoLive: '2026-02-20', actualGoLive: null }, 'Overdue by 9 days', 'bad'],
    [{ status: 'in_progress', plannedGoLive: '2026-03-31', actualGoLive: null }, 'Due in 30 days', 'neutral'],
    [{ status: 'stalled', plannedGoLive: '2026-03-31', actualGoLive: null }, 'Stalled, due in 30 days', 'bad'],
    [{ status: 'planned', plannedGoLive: null, actualGoLive: null }, 'No go-live planned', 'neutral'],
    [{ status: 'cancelled', plannedGoLive: '2026-01-01', actualGoLive: null }, 'Cancelled', 'neutral'],
  ] as const)('says how go-live went: %o', (deployment, text, tone) => {
    expect(goLiveStatus(deployment, today)).toEqual({ text, tone });
  });
});
