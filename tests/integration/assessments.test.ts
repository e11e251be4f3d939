import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/rpc';
import { FIXED_NOW, testCore, type TestCore } from '../fixtures/core';
import { countRows } from '../fixtures/domains';

let core: TestCore;
let events: ChangeEvent[];
beforeEach(async () => {
  core = await testCore();
  events = [];
  core.subscribe((event) => events.push(event));
});
afterEach(() => core.close());

const CX = 'Customer-experience maturity';

async function starter(name = CX) {
  const templates = await core.call('assessments.templates', {});
  return templates.find((t) => t.name === name)!;
}

async function started(clientName = 'Globex', assessedOn = '2026-02-10') {
  const template = await starter();
  return core.call('assessments.create', {
    templateId: template.id,
    clientName,
    assessedOn,
    assessor: 'Mara Quinn',
    scope: 'EMEA service organisation',
    respondents: [
      { name: 'Ana', role: 'COO', function: 'Operations' },
      { name: 'Ben', role: 'Head of support', function: 'Support' },
    ],
  });
}

describe('assessment templates', () => {
  it('seeds the three starter templates once, unlocked at version 1', async () => {
    const templates = await core.call('assessments.templates', {});
    expect(templates.map((t) => [t.name, t.version, t.lockedAt])).toEqual([
      ['Customer leverage readiness', 1, null],
      ['Customer-experience maturity', 1, null],
      ['Customer-success maturity', 1, null],
    ]);
    expect(templates.find((t) => t.name === CX)!.framework.dimensions.map((d) => d.key)).toEqual(['strategy', 'understanding', 'journey', 'measurement', 'governance', 'culture']);
    await core.call('assessments.templates', {});
    expect(countRows(core, 'assessment_templates')).toBe(3);
  });

  it('edits an unused template in place, and a used one as its next version', async () => {
    const template = await starter();
    const renamed = structuredClone(template.framework);
    renamed.dimensions[0]!.name = 'Direction';
    const edited = await core.call('assessments.saveTemplate', { id: template.id, name: CX, framework: renamed });
    expect([edited.id, edited.version]).toEqual([template.id, 1]);

    const { assessment } = await started();
    expect((await core.call('assessments.template', { id: template.id })).lockedAt).not.toBeNull();
    renamed.dimensions[0]!.weight = 2;
    const next = await core.call('assessments.saveTemplate', { id: template.id, name: CX, framework: renamed });
    expect(next.version).toBe(2);
    expect(next.id).not.toBe(template.id);
    // The assessment keeps the version it was made with.
    const detail = await core.call('assessments.get', { id: assessment.id });
    expect([detail.template.version, detail.template.framework.dimensions[0]!.weight]).toEqual([1, 1]);
    expect((await core.call('assessments.templates', {})).find((t) => t.name === CX)!.version).toBe(2);
    expect((await core.call('assessments.templates', { includeOlderVersions: true })).filter((t) => t.name === CX)).toHaveLength(2);
  });

  it('refuses a framework with problems, naming them', async () => {
    const template = await starter();
    const bad = structuredClone(template.framework);
    bad.dimensions[1]!.key = 'strategy';
    bad.stages[2]!.rules = [{ kind: 'dimensionLevel', dimensionKey: 'nowhere', level: 3 }];
    const error = await core.fail('assessments.saveTemplate', { id: template.id, name: CX, framework: bad });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.issues?.map((i) => i.path)).toEqual(['framework.dimensions.1.key', 'framework.stages.2.rules.0.dimensionKey']);
    const taken = await core.fail('assessments.saveTemplate', { name: CX, framework: template.framework });
    expect(taken.code).toBe('CONFLICT');
  });
});

describe('running an assessment', () => {
  it('creates an assessment for an account or a named client, and refuses one without a client', async () => {
    const template = await starter();
    const account = await core.call('accounts.create', { name: 'Initech' });
    const forAccount = await core.call('assessments.create', { templateId: template.id, accountId: account.id, assessedOn: '2026-02-01', assessor: 'Mara' });
    expect(forAccount.assessment).toMatchObject({ accountId: account.id, clientName: 'Initech' });
    const none = await core.fail('assessments.create', { templateId: template.id, assessedOn: '2026-02-01', assessor: 'Mara' });
    expect(none.issues).toEqual([{ path: 'clientName', message: 'name the client, or choose an account' }]);
    const badDate = await core.fail('assessments.create', { templateId: template.id, clientName: 'X', assessedOn: '2026-02-30', assessor: 'Mara' });
    expect(badDate.issues?.[0]?.path).toBe('assessedOn');
    expect(events.filter((e) => e.name === 'assessments.changed').at(-1)?.ids).toEqual([forAccount.assessment.id]);
    await core.call('assessments.create', { templateId: template.id, clientName: 'Somebody else', assessedOn: '2026-02-02', assessor: 'Mara' });
    expect((await core.call('assessments.list', { accountId: account.id })).map((a) => a.id)).toEqual([forAccount.assessment.id]);
    await core.call('assessments.archive', { id: forAccount.assessment.id });
    expect(await core.call('assessments.list', { accountId: account.id })).toEqual([]);
    expect((await core.call('assessments.list', { accountId: account.id, includeArchived: true }))[0]?.archivedAt).toBe(FIXED_NOW.toISOString());
  });

  it('saves answers one by one, keeps evidence when only the level changes, and refuses levels off the scale', async () => {
    const { respondents } = await started();
    const ana = respondents[0]!;
    await core.call('assessments.answer', { respondentId: ana.id, itemKey: 'strategy-vision', level: 2, evidence: 'Vision deck 2025', links: ['intranet/vision'] });
    const changed = await core.call('assessments.answer', { respondentId: ana.id, itemKey: 'strategy-vision', level: 3 });
    expect(changed).toMatchObject({ level: 3, nonAnswer: null, evidence: 'Vision deck 2025', links: ['intranet/vision'] });
    const dk = await core.call('assessments.answer', { respondentId: ana.id, itemKey: 'strategy-vision', nonAnswer: 'dont_know' });
    expect(dk).toMatchObject({ level: null, nonAnswer: 'dont_know' });

    expect((await core.fail('assessments.answer', { respondentId: ana.id, itemKey: 'strategy-vision', level: 7 })).message).toBe('7 is not a level of the scale (1, 2, 3, 4, 5)');
    expect((await core.fail('assessments.answer', { respondentId: ana.id, itemKey: 'nope', level: 3 })).code).toBe('BAD_INPUT');
    expect((await core.fail('assessments.answer', { respondentId: ana.id, itemKey: 'strategy-vision', level: 3, nonAnswer: 'dont_know' })).issues?.[0]?.path).toBe('level');
    expect((await core.fail('assessments.answer', { respondentId: 999, itemKey: 'strategy-vision', level: 3 })).code).toBe('NOT_FOUND');
    await core.call('assessments.answer', { respondentId: ana.id, itemKey: 'strategy-vision', clear: true });
    expect(countRows(core, 'assessment_answers')).toBe(0);
  });

  it('scores two respondents, with targets, stage, floor and disagreement', async () => {
    const { assessment, respondents, template } = await started();
    const [ana, ben] = respondents;
    const items = template.framework.dimensions.flatMap((d) => d.items.map((i) => i.key));
    // Ana answers 4 everywhere, Ben 2 everywhere except measurement (1): two levels apart everywhere.
    for (const itemKey of items) {
      await core.call('assessments.answer', { respondentId: ana!.id, itemKey, level: 4 });
      await core.call('assessments.answer', { respondentId: ben!.id, itemKey, level: itemKey.startsWith('measurement') ? 1 : 2 });
    }
    await core.call('assessments.setTargets', { assessmentId: assessment.id, targets: items.map((itemKey) => ({ itemKey, level: 5 })) });
    const results = await core.call('assessments.results', { id: assessment.id });
    // Mean level 3 -> 50 on every dimension but measurement (mean 2.5 -> 37.5); overall (5·50 + 37.5) / 6.
    expect(results.dimensions.map((d) => d.score)).toEqual([50, 50, 50, 37.5, 50, 50]);
    expect(results.overall).toBeCloseTo(47.9167, 4);
    expect(results.floor).toMatchObject({ dimensionKey: 'measurement', score: 37.5 });
    expect(results.stage?.name).toBe('Organised');
    expect(results.items.every((i) => i.disagreement)).toBe(true);
    expect(results.findings.filter((f) => f.kind === 'disagreement')).toHaveLength(items.length);
    expect(results.dimensions[0]).toMatchObject({ targetScore: 100, minScore: 25, maxScore: 75 });
    expect(results.progress).toBe(100);
  });

  it('saves the roadmap in order and refuses a link to an unknown item without changing it', async () => {
    const { assessment } = await started();
    const saved = await core.call('assessments.saveRoadmap', {
      assessmentId: assessment.id,
      recommendations: [
        { action: 'Name an owner for each journey', dimensionKey: 'governance', owner: 'COO', horizon: '0_3_months', expectedEffect: 'Decisions in days, not months' },
        { action: 'Survey after every support case', dimensionKey: 'measurement', itemKey: 'measurement-metrics' },
      ],
    });
    expect(saved.map((r) => [r.position, r.action])).toEqual([
      [0, 'Name an owner for each journey'],
      [1, 'Survey after every support case'],
    ]);
    const error = await core.fail('assessments.saveRoadmap', { assessmentId: assessment.id, recommendations: [{ action: 'x', itemKey: 'ghost' }] });
    expect(error.issues).toEqual([{ path: 'recommendations.0.itemKey', message: 'no such item' }]);
    expect((await core.call('assessments.get', { id: assessment.id })).recommendations).toHaveLength(2);
  });

  it('removes a respondent with their answers', async () => {
    const { respondents } = await started();
    await core.call('assessments.answer', { respondentId: respondents[1]!.id, itemKey: 'culture-hiring', level: 3 });
    expect(await core.call('assessments.removeRespondent', { id: respondents[1]!.id })).toEqual({ removedAnswers: 1 });
    expect(countRows(core, 'assessment_answers')).toBe(0);
  });
});

describe('comparisons and files', () => {
  it('compares with the previous assessment of the same client and with other clients anonymously', async () => {
    const before = await started('Globex', '2025-02-10');
    await core.call('assessments.answer', { respondentId: before.respondents[0]!.id, itemKey: 'strategy-vision', level: 2 });
    const now = await started('globex', '2026-02-10');
    await core.call('assessments.answer', { respondentId: now.respondents[0]!.id, itemKey: 'strategy-vision', level: 4 });
    const other = await started('Umbrella', '2026-01-05');
    await core.call('assessments.answer', { respondentId: other.respondents[0]!.id, itemKey: 'strategy-vision', level: 5 });

    const results = await core.call('assessments.results', { id: now.assessment.id });
    expect(results.previous).toEqual({ id: before.assessment.id, assessedOn: '2025-02-10', overall: 25 });
    expect(results.dimensions[0]).toMatchObject({ score: 75, previousScore: 25 });

    const comparison = await core.call('assessments.compare', { id: now.assessment.id });
    expect(comparison.rows.map((r) => [r.label, r.dimensions.strategy])).toEqual([
      ['globex (this assessment)', 75],
      ['Client A', 25],
      ['Client B', 100],
    ]);
    expect(comparison.benchmark.strategy).toBe(62.5);
    expect(JSON.stringify(comparison)).not.toContain('Umbrella');
  });

  it('builds a self-contained report with the charts as SVG', async () => {
    const { assessment, respondents } = await started();
    await core.call('assessments.answer', { respondentId: respondents[0]!.id, itemKey: 'strategy-vision', level: 4, evidence: 'Board minutes <March>' });
    await core.call('assessments.update', { id: assessment.id, executiveSummary: 'Strong intent,\n\nweak measurement.' });
    const report = await core.call('assessments.report', { id: assessment.id });
    expect(report.name).toBe('assessment-globex-2026-02-10');
    expect(report.html.match(/<svg/g)?.length).toBe(2);
    expect(report.html).toContain('Board minutes &lt;March&gt;');
    expect(report.html).toContain('<p>Strong intent,</p><p>weak measurement.</p>');
    expect(report.html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('leaves printing the PDF to the desktop app, saying what to do instead', async () => {
    const { assessment } = await started();
    const error = await core.fail('assessments.savePdf', { id: assessment.id });
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Save as PDF') });
  });

  it('exports an assessment file and imports it as a new assessment or merged into another', async () => {
    const { assessment, respondents } = await started();
    await core.call('assessments.answer', { respondentId: respondents[0]!.id, itemKey: 'strategy-vision', level: 4, evidence: 'Deck', links: ['x/y'] });
    await core.call('assessments.setTargets', { assessmentId: assessment.id, targets: [{ itemKey: 'strategy-vision', level: 5 }] });
    await core.call('assessments.saveRoadmap', { assessmentId: assessment.id, recommendations: [{ action: 'Write the vision down' }] });
    const file = await core.call('assessments.exportFile', { id: assessment.id });
    expect(file.name).toBe('globex-2026-02-10.fulcrum-assessment.json');

    const copy = await core.call('assessments.importFile', { contentBase64: file.contentBase64 });
    const copied = await core.call('assessments.get', { id: copy.assessmentId });
    expect(copied.answers).toEqual([expect.objectContaining({ itemKey: 'strategy-vision', level: 4, evidence: 'Deck', links: ['x/y'] })]);
    expect(copied.targets).toEqual([{ itemKey: 'strategy-vision', level: 5 }]);
    expect(copied.recommendations.map((r) => r.action)).toEqual(['Write the vision down']);
    expect(copied.template.id).toBe(assessment.templateId);

    // Merging the same respondents again is refused by name; renamed ones are added.
    const clash = await core.fail('assessments.importFile', { contentBase64: file.contentBase64, intoAssessmentId: assessment.id });
    expect(clash.code).toBe('CONFLICT');
    const parsed = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString());
    parsed.respondents = parsed.respondents.map((r: { name: string }) => ({ ...r, name: `${r.name} (colleague)` }));
    const merged = await core.call('assessments.importFile', { contentBase64: Buffer.from(JSON.stringify(parsed)).toString('base64'), intoAssessmentId: assessment.id });
    expect(merged).toEqual({ assessmentId: assessment.id, respondentsAdded: 2, answers: 1 });

    const broken = await core.fail('assessments.importFile', { contentBase64: Buffer.from('{"format":"other"}').toString('base64') });
    expect(broken.message).toMatch(/^the file is not a valid assessment file: format/);
    expect(countRows(core, 'assessments')).toBe(2);
  });

  it('round-trips the answer sheet and refuses a sheet with a bad level, naming the row', async () => {
    const { assessment, respondents } = await started();
    await core.call('assessments.answer', { respondentId: respondents[0]!.id, itemKey: 'strategy-vision', level: 4 });
    const sheet = await core.call('assessments.answerSheet', { id: assessment.id, format: 'csv' });
    const csv = Buffer.from(sheet.contentBase64, 'base64').toString();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('item_key,dimension,statement,levels,level: Ana,evidence: Ana,level: Ben,evidence: Ben');
    expect(lines).toHaveLength(19);
    // A colleague fills Ben's column and adds Cleo.
    const filled = lines
      .map((line, i) => (i === 0 ? `${line},level: Cleo,evidence: Cleo` : i === 1 ? `${line.replace(/,,$/, ',Defined,Saw the plan')},na,` : `${line},dk,`))
      .join('\n');
    const imported = await core.call('assessments.importAnswers', { id: assessment.id, name: 'answers.csv', contentBase64: Buffer.from(filled).toString('base64') });
    expect(imported).toEqual({ respondentsAdded: 1, answers: 1 + 1 + 18 });
    const detail = await core.call('assessments.get', { id: assessment.id });
    expect(detail.answers.find((a) => a.respondentId === respondents[1]!.id)).toMatchObject({ itemKey: 'strategy-vision', level: 3, evidence: 'Saw the plan' });

    const bad = lines.map((line, i) => (i === 2 ? line.replace(/,,,,$/, ',9,,,') : line)).join('\n');
    const error = await core.fail('assessments.importAnswers', { id: assessment.id, name: 'answers.csv', contentBase64: Buffer.from(bad).toString('base64') });
    expect(error.message).toContain('row 3: "level: Ana": "9" is not a level (1, 2, 3, 4, 5, dk or na)');
  });

  it('writes an XLSX answer sheet that reads back', async () => {
    const { assessment } = await started();
    const sheet = await core.call('assessments.answerSheet', { id: assessment.id, format: 'xlsx' });
    expect(sheet.name).toMatch(/\.xlsx$/);
    const result = await core.call('assessments.importAnswers', { id: assessment.id, name: sheet.name, contentBase64: sheet.contentBase64 });
    expect(result).toEqual({ respondentsAdded: 0, answers: 0 });
  });
});
