import { describe, expect, it } from 'vitest';
import { MINE, myOwners, periodLabel, previousPeriod, resolvePeriod, restoreFilters, toQuery, toScope, type DashboardFilters } from './filters';

const today = new Date(2026, 2, 14); // 14 March 2026, local time
const filters = (patch: Partial<DashboardFilters>): DashboardFilters => ({ preset: 'last12', from: '', to: '', segment: '', owner: '', region: '', stage: '', ...patch });

describe('dashboard period', () => {
  it('turns presets into whole months ending with the current one', () => {
    expect(resolvePeriod(filters({ preset: 'last3' }), today)).toEqual({ ok: true, period: { from: '2026-01-01', to: '2026-04-01', granularity: 'month' } });
    expect(resolvePeriod(filters({ preset: 'last6' }), today)).toEqual({ ok: true, period: { from: '2025-10-01', to: '2026-04-01', granularity: 'month' } });
    expect(resolvePeriod(filters({ preset: 'last12' }), today)).toEqual({ ok: true, period: { from: '2025-04-01', to: '2026-04-01', granularity: 'month' } });
    expect(resolvePeriod(filters({ preset: 'ytd' }), today)).toEqual({ ok: true, period: { from: '2026-01-01', to: '2026-04-01', granularity: 'month' } });
  });

  it('takes a custom period with both days inclusive, by quarter when long', () => {
    expect(resolvePeriod(filters({ preset: 'custom', from: '2025-02-10', to: '2025-03-31' }), today)).toEqual({
      ok: true,
      period: { from: '2025-02-10', to: '2025-04-01', granularity: 'month' },
    });
    expect(resolvePeriod(filters({ preset: 'custom', from: '2023-01-01', to: '2025-12-31' }), today)).toMatchObject({ period: { granularity: 'quarter' } });
    expect(resolvePeriod(filters({ preset: 'custom', from: '2025-05-01', to: '2025-04-01' }), today)).toEqual({
      ok: false,
      message: 'The period must end on or after its first day.',
    });
    expect(resolvePeriod(filters({ preset: 'custom', from: '', to: '2025-04-01' }), today)).toMatchObject({ ok: false });
  });

  it('compares with the same length just before', () => {
    expect(previousPeriod({ from: '2025-04-01', to: '2026-04-01', granularity: 'month' })).toEqual({ from: '2024-04-01', to: '2025-04-01', granularity: 'month' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-04-01', granularity: 'month' })).toEqual({ from: '2025-10-01', to: '2026-01-01', granularity: 'month' });
    expect(previousPeriod({ from: '2025-02-10', to: '2025-02-20', granularity: 'month' })).toEqual({ from: '2025-01-31', to: '2025-02-10', granularity: 'month' });
  });

  it('makes the metrics query, with the segment only when one is chosen', () => {
    const period = { from: '2025-04-01', to: '2026-04-01', granularity: 'month' as const };
    expect(toQuery(period, '')).toEqual({ from: '2025-04-01', to: '2026-04-01', granularity: 'month' });
    expect(toQuery(period, 'enterprise')).toEqual({ from: '2025-04-01', to: '2026-04-01', granularity: 'month', segment: ['enterprise'] });
  });

  it('labels a period by its first and last day', () => {
    expect(periodLabel({ from: '2025-04-01', to: '2026-04-01' }, 'en-US')).toBe('Apr 1, 2025 – Mar 31, 2026');
  });

  it('restores what sessionStorage held, cleaning what it cannot use', () => {
    expect(restoreFilters({ preset: 'last3', from: '2025-01-01', to: '2025-02-01', segment: 'smb' }, today)).toEqual({
      preset: 'last3',
      from: '2025-01-01',
      to: '2025-02-01',
      segment: 'smb',
      owner: '',
      region: '',
      stage: '',
    });
    expect(restoreFilters({ preset: 'decade', from: 'soon', segment: 4 }, today)).toEqual({
      preset: 'last12',
      from: '2026-01-01',
      to: '2026-03-14',
      segment: '',
      owner: '',
      region: '',
      stage: '',
    });
    expect(restoreFilters(undefined, today).preset).toBe('last12');
  });
});

describe('owner, region and lifecycle filters', () => {
  const period = { from: '2025-04-01', to: '2026-04-01', granularity: 'month' as const };
  it('become the metrics query, "my accounts" as the owners written as my name or e-mail', () => {
    expect(toQuery(period, { owner: 'Dana Whitfield', region: 'EMEA', stage: 'renewal' })).toEqual({
      ...period,
      owner: ['Dana Whitfield'],
      region: ['EMEA'],
      lifecycleStage: ['renewal'],
    });
    const mine = myOwners(['Ann Lee', 'DANA WHITFIELD', 'dana@example.com', 'Bo Chen'], ['dana whitfield', 'dana@example.com']);
    expect(mine).toEqual(['DANA WHITFIELD', 'dana@example.com']);
    expect(toQuery(period, { owner: MINE }, mine)).toEqual({ ...period, owner: mine });
    // Nobody owned by me: the filter still filters (to nothing), never falls back to everyone.
    expect(myOwners(['Ann Lee'], ['zed nobody'])).toEqual(['zed nobody']);
  });
  it('become the at-risk list’s scope, "my accounts" resolved by the core', () => {
    expect(toScope({ segment: 'smb', owner: MINE, stage: 'adoption' })).toEqual({ segment: ['smb'], mine: true, lifecycleStage: ['adoption'] });
    expect(toScope({ owner: 'Ann Lee', region: 'APAC' })).toEqual({ owner: ['Ann Lee'], region: ['APAC'] });
  });
  it('are restored from the session only when they make sense', () => {
    const restored = restoreFilters({ preset: 'last3', owner: MINE, region: 'EMEA', stage: 'bogus' }, today);
    expect(restored).toMatchObject({ owner: MINE, region: 'EMEA', stage: '' });
  });
});
