// The client report reads right: items by their place, not their key; dates in the reader's
// locale; proper plurals; and no placeholder sentence when the summary is blank.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

async function started(respondents: { name: string }[]) {
  const template = (await core.call('assessments.templates', {})).find((t) => t.name === 'Customer-experience maturity')!;
  const assessment = await core.call('assessments.create', { templateId: template.id, clientName: 'Globex', assessedOn: '2026-02-10', assessor: 'Mara Quinn', respondents });
  return { ...assessment, template };
}

describe('the assessment report', () => {
  it('names items by their place, never by their key', async () => {
    const { assessment, respondents, template } = await started([{ name: 'Ana' }, { name: 'Ben' }]);
    await core.call('assessments.answer', { respondentId: respondents[0]!.id, itemKey: 'strategy-vision', level: 4 });
    const { html } = await core.call('assessments.report', { id: assessment.id });
    const keys = (template.framework as { dimensions: { items: { key: string }[] }[] }).dimensions.flatMap((d) => d.items.map((i) => i.key));
    for (const key of keys) expect(html, key).not.toContain(`>${key}<`);
    // strategy-vision is the first item of the first dimension.
    expect(html).toMatch(/<tr><td>1\.1<\/td><td>Ana<\/td>/);
    expect(html).toContain('<dt>1.1</dt>');
  });

  it('writes dates in the reader’s locale and counts respondents with a proper plural', async () => {
    const { assessment } = await started([{ name: 'Ana' }]);
    const us = (await core.call('assessments.report', { id: assessment.id })).html;
    expect(us).toContain('Assessment of February 10, 2026 by Mara Quinn');
    expect(us).toContain('<dd>1 respondent</dd>');
    const de = (await core.call('assessments.report', { id: assessment.id, locale: 'de-DE' })).html;
    expect(de).toContain('Assessment of 10. Februar 2026 by Mara Quinn');
    const bad = await core.fail('assessments.report', { id: assessment.id, locale: 'not a locale!' });
    expect(bad.code).toBe('BAD_INPUT');
    expect(bad.message).toMatch(/language tag/);
  });

  it('leaves the summary out when it is blank, with no placeholder sentence', async () => {
    const { assessment } = await started([{ name: 'Ana' }, { name: 'Ben' }]);
    await core.call('assessments.update', { id: assessment.id, executiveSummary: '   ' });
    const blank = (await core.call('assessments.report', { id: assessment.id })).html;
    expect(blank).not.toContain('has not written');
    expect(blank).not.toContain('<h2>Executive summary</h2>');
    expect(blank).toContain('<h2>Key figures</h2>');
    expect(blank).toContain('<dd>2 respondents</dd>');
    await core.call('assessments.update', { id: assessment.id, executiveSummary: 'Strong intent.' });
    const written = (await core.call('assessments.report', { id: assessment.id })).html;
    expect(written).toContain('<h2>Executive summary</h2>');
    expect(written).toContain('<p>Strong intent.</p>');
  });
});
