// The answer sheet: the template's items as rows, two columns per respondent ("level: <name>",
// "evidence: <name>"), for respondents who answer in a spreadsheet on another laptop. The app
// writes it (CSV or XLSX) and reads it back with the import's own CSV/XLSX reader.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { loadExcelJS } from '../lib/lazyModules';
import type { AssessmentDetail, Framework, NonAnswer } from '../../../shared/contract/assessments';
import type { InputIssue } from '../../../shared/rpc';
import { CoreError } from '../errors';
import { openSource } from '../import/source';

const FIXED = ['item_key', 'dimension', 'statement', 'levels'];
const LEVEL = /^level:\s*(.+)$/i;
const EVIDENCE = /^evidence:\s*(.+)$/i;

export const DONT_KNOW_WORDS = ['dk', "don't know", 'dont know', 'dont_know', '?'];
export const NOT_APPLICABLE_WORDS = ['na', 'n/a', 'not applicable', 'not_applicable'];

/** A cell as an answer: the level's value or label, "dk" or "na"; undefined when empty. */
export function readLevelCell(framework: Framework, raw: string): { level: number | null; nonAnswer: NonAnswer | null } | undefined | 'invalid' {
  const text = raw.trim().toLowerCase();
  if (text === '') return undefined;
  if (DONT_KNOW_WORDS.includes(text)) return { level: null, nonAnswer: 'dont_know' };
  if (NOT_APPLICABLE_WORDS.includes(text)) return { level: null, nonAnswer: 'not_applicable' };
  const level = framework.scale.levels.find((l) => String(l.value) === text || Number(text) === l.value || l.label.toLowerCase() === text);
  return level ? { level: level.value, nonAnswer: null } : 'invalid';
}

function sheetRows(detail: AssessmentDetail): string[][] {
  const { framework } = detail.template;
  const names = detail.respondents.length ? detail.respondents.map((r) => r.name) : ['Respondent 1'];
  const levels = framework.scale.levels.map((l) => `${l.value} ${l.label}`).join(' · ') + " · dk = don't know · na = not applicable";
  const header = [...FIXED, ...names.flatMap((name) => [`level: ${name}`, `evidence: ${name}`])];
  const rows = framework.dimensions.flatMap((dimension) =>
    dimension.items.map((item) => [
      item.key,
      dimension.name,
      item.statement,
      levels,
      ...names.flatMap((name) => {
        const respondent = detail.respondents.find((r) => r.name === name);
        const answer = respondent && detail.answers.find((a) => a.respondentId === respondent.id && a.itemKey === item.key);
        const level = answer ? (answer.level !== null ? String(answer.level) : answer.nonAnswer === 'dont_know' ? 'dk' : 'na') : '';
        return [level, answer?.evidence ?? ''];
      }),
    ]),
  );
  return [header, ...rows];
}

export async function writeAnswerSheet(detail: AssessmentDetail, format: 'csv' | 'xlsx') {
  const rows = sheetRows(detail);
  const base = `answers-${detail.assessment.clientName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${detail.assessment.assessedOn}`;
  if (format === 'csv') {
    return { name: `${base}.csv`, mediaType: 'text/csv', contentBase64: Buffer.from(stringify(rows), 'utf8').toString('base64') };
  }
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Answers');
  rows.forEach((row) => sheet.addRow(row));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 2 ? 60 : i === 3 ? 30 : 18));
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { name: `${base}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: buffer.toString('base64') };
}

export interface SheetColumn {
  name: string;
  answers: { itemKey: string; level: number | null; nonAnswer: NonAnswer | null; evidence: string | null }[];
}

/** Reads a filled sheet; every problem is reported (row and column) and nothing is returned if any. */
export async function readAnswerSheet(detail: AssessmentDetail, fileName: string, bytes: Buffer): Promise<SheetColumn[]> {
  const { framework } = detail.template;
  const folder = mkdtempSync(join(tmpdir(), 'fulcrum-answers-'));
  const path = join(folder, fileName.replace(/[^\w.-]+/g, '_'));
  writeFileSync(path, bytes);
  try {
    const source = await openSource({ path });
    const itemCol = source.headers.findIndex((h) => h.trim().toLowerCase() === 'item_key');
    if (itemCol < 0) throw new CoreError('BAD_INPUT', 'the sheet has no "item_key" column: export the answer sheet from the assessment and fill that in');
    const columns = source.headers.flatMap((h, i) => {
      const name = LEVEL.exec(h.trim())?.[1]?.trim();
      if (!name) return [];
      const evidence = source.headers.findIndex((e) => EVIDENCE.exec(e.trim())?.[1]?.trim().toLowerCase() === name.toLowerCase());
      return [{ name, level: i, evidence }];
    });
    if (columns.length === 0) throw new CoreError('BAD_INPUT', 'the sheet has no "level: <respondent>" column');
    const known = new Set(framework.dimensions.flatMap((d) => d.items.map((i) => i.key)));
    const issues: InputIssue[] = [];
    const result: SheetColumn[] = columns.map((c) => ({ name: c.name, answers: [] }));
    for (const { row, cells } of source.rows()) {
      const itemKey = (cells[itemCol] ?? '').trim();
      if (!itemKey) continue;
      if (!known.has(itemKey)) {
        issues.push({ path: `row ${row}`, message: `"${itemKey}" is not an item of ${detail.template.name}` });
        continue;
      }
      columns.forEach((column, c) => {
        const answer = readLevelCell(framework, cells[column.level] ?? '');
        if (answer === undefined) return;
        if (answer === 'invalid') {
          const allowed = framework.scale.levels.map((l) => l.value).join(', ');
          issues.push({ path: `row ${row}`, message: `"${source.headers[column.level]}": "${cells[column.level]}" is not a level (${allowed}, dk or na)` });
          return;
        }
        const evidence = column.evidence >= 0 ? (cells[column.evidence] ?? '').trim() : '';
        result[c]!.answers.push({ itemKey, ...answer, evidence: evidence || null });
      });
    }
    if (issues.length)
      throw new CoreError(
        'BAD_INPUT',
        `${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} in the sheet, nothing was imported: ${issues
          .slice(0, 5)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ')}`,
        issues,
      );
    return result.filter((c) => c.answers.length > 0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
