import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { Input } from '../../../../shared/contract';
import { describeProblem, IMPORT_TARGETS, type ImportMapping, type ImportPreview, type ImportResult, type ImportTarget } from '../../../../shared/contract/import';
import { ApiError, call } from '../../api/client';
import { listen } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { Field } from '../../components/Field';
import { formatInteger, formatMoney } from '../../lib/format';
import {
  assignColumn,
  decodeStart,
  fieldsByColumn,
  fileProblem,
  formatBytes,
  parseCsvStart,
  rate,
  sampleValues,
  STAGE_CHUNK_BYTES,
  TARGET_LABELS,
  TARGET_ROUTES,
  toBase64,
} from './importModel';

type Match = 'insert' | 'update' | 'upsert';
type Policy = 'reject' | 'skip';
type DateOrder = '' | 'ymd' | 'mdy' | 'dmy';

interface Staged {
  file: File;
  path: string;
  bytes: number;
  samples: Record<string, string[]>;
}

type Step =
  | { step: 'choose' }
  | { step: 'map' }
  | { step: 'importing'; jobId: string; done: number; total: number; rowsPerSecond: number; cancelling: boolean }
  | { step: 'done'; result: ImportResult };

const message = (failure: unknown) => (failure instanceof ApiError || failure instanceof Error ? failure.message : String(failure));

/** The chosen file's bytes into the core's private temp folder, in chunks the bridge takes. */
async function stage(file: File): Promise<{ path: string; bytes: number }> {
  let staged: { path: string; bytes: number } | undefined;
  for (let offset = 0; offset < file.size || !staged; offset += STAGE_CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + STAGE_CHUNK_BYTES).arrayBuffer());
    staged = await call('import.stage', { name: file.name, contentBase64: toBase64(bytes), ...(staged ? { append: staged.path } : {}) });
  }
  return staged;
}

/** The first cells of each column, read from the file itself (CSV; an XLSX shows the stored values instead). */
async function readSamples(file: File, preview: ImportPreview): Promise<Record<string, string[]>> {
  if (preview.source.format !== 'csv' || !preview.source.delimiter) return {};
  const slice = file.slice(0, 64 * 1024);
  let text = decodeStart(new Uint8Array(await slice.arrayBuffer()));
  if (file.size <= 64 * 1024) text += '\n';
  const records = parseCsvStart(text, preview.source.delimiter, 12);
  return sampleValues(preview.source.headers, preview.mapping.header === false ? records : records.slice(1));
}

export function ImportWizard() {
  const [target, setTarget] = useState<ImportTarget>('accounts');
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [staging, setStaging] = useState(false);
  const [staged, setStaged] = useState<Staged>();
  const [preset, setPreset] = useState('');
  const [mapping, setMapping] = useState<ImportMapping>();
  const [match, setMatch] = useState<Match>('upsert');
  const [policy, setPolicy] = useState<Policy>('reject');
  const [dateOrder, setDateOrder] = useState<DateOrder>('');
  const [preview, setPreview] = useState<ImportPreview>();
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<string>();
  const [presetName, setPresetName] = useState('');
  const [presetNotice, setPresetNotice] = useState<{ ok: boolean; text: string }>();
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [commitError, setCommitError] = useState<string>();
  const presets = useQuery('import.presets', { into: target });
  const fields = useQuery('import.fields', { into: target });
  const latest = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const input = (path: string): Input<'import.preview'> => {
    // Automatic matching becomes explicit once a date order is chosen over it.
    const explicit = mapping ?? (dateOrder && !preset ? preview?.mapping : undefined);
    const chosen = explicit
      ? { mapping: { ...explicit, dateOrder: dateOrder || undefined } }
      : preset
        ? { preset, ...(dateOrder ? { mapping: { fields: {}, dateOrder } } : {}) }
        : {};
    return { path, into: target, match, policy, previewRows: 20, ...chosen };
  };

  // The preview follows every change of mapping and options.
  useEffect(() => {
    if (!staged || step.step !== 'map') return;
    const request = ++latest.current;
    setPreviewing(true);
    call('import.preview', input(staged.path)).then(
      async (answer) => {
        if (request !== latest.current) return;
        setPreview(answer);
        setPreviewError(undefined);
        setPreviewing(false);
        if (Object.keys(staged.samples).length === 0) {
          const samples = await readSamples(staged.file, answer).catch(() => ({}));
          if (Object.keys(samples).length > 0) setStaged((current) => (current ? { ...current, samples } : current));
        }
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        setPreviewError(message(failure));
        setPreviewing(false);
      },
    );
  }, [staged?.path, step.step, mapping, preset, match, policy, dateOrder, target]); // eslint-disable-line react-hooks/exhaustive-deps

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setFileError(fileProblem(chosen));
  };

  const restart = () => {
    setStep({ step: 'choose' });
    setStaged(undefined);
    setFile(undefined);
    setPreview(undefined);
    setMapping(undefined);
    setPreset('');
    setPreviewError(undefined);
    setCommitError(undefined);
    setPresetNotice(undefined);
    if (fileInput.current) fileInput.current.value = '';
  };

  const next = async () => {
    if (!file) return setFileError('Choose a CSV or XLSX file first.');
    const problem = fileProblem(file);
    if (problem) return setFileError(problem);
    setStaging(true);
    setFileError(undefined);
    try {
      const { path, bytes } = await stage(file);
      setStaged({ file, path, bytes, samples: {} });
      setMapping(undefined);
      setPreview(undefined);
      setStep({ step: 'map' });
    } catch (failure) {
      setFileError(`${file.name} could not be read: ${message(failure)}`);
    } finally {
      setStaging(false);
    }
  };

  const changePreset = (name: string) => {
    setPreset(name);
    setMapping(undefined);
    setPresetNotice(undefined);
  };

  const correct = (column: string, field: string) => {
    const current = mapping ?? preview?.mapping;
    if (!current) return;
    setMapping(assignColumn(current, column, field));
  };

  const savePreset = async () => {
    const current = mapping ?? preview?.mapping;
    if (!current) return;
    try {
      const saved = await call('import.savePreset', {
        name: presetName,
        into: target,
        description: `Saved from ${staged?.file.name ?? 'a file'}`,
        mapping: { ...current, ...(dateOrder ? { dateOrder } : {}) },
      });
      setPresetNotice({ ok: true, text: `Saved as preset '${saved.name}'.` });
      presets.reload();
    } catch (failure) {
      setPresetNotice({ ok: false, text: message(failure) });
    }
  };

  const commit = async () => {
    if (!staged) return;
    const jobId = `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    setCommitError(undefined);
    setStep({ step: 'importing', jobId, done: 0, total: preview?.counts.rows ?? 0, rowsPerSecond: 0, cancelling: false });
    const stop = listen((event) => {
      const progress = event as typeof event & { jobId?: string; rowsPerSecond?: number };
      if (event.name !== 'import.progress' || progress.jobId !== jobId || !event.progress) return;
      setStep((current) =>
        current.step === 'importing'
          ? {
              ...current,
              done: event.progress!.done,
              // The preview counted the rows exactly; the core's total is an estimate from the bytes read.
              total: Math.max(current.total || event.progress!.total, event.progress!.done),
              rowsPerSecond: progress.rowsPerSecond ?? 0,
            }
          : current,
      );
    });
    try {
      const result = await call('import.commit', { ...input(staged.path), jobId, previewRows: 0 });
      setStep({ step: 'done', result });
    } catch (failure) {
      setCommitError(`The import failed and nothing was changed: ${message(failure)}`);
      setStep({ step: 'map' });
    } finally {
      stop();
    }
  };

  const cancel = async () => {
    if (step.step !== 'importing') return;
    setStep({ ...step, cancelling: true });
    await call('import.cancel', { jobId: step.jobId }).catch(() => undefined);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  if (step.step === 'choose') {
    return (
      <section className="card import-step" data-testid="import-choose">
        <h2 className="card-title">1. What to import</h2>
        <div className="form-grid">
          <Field label="Import into" name="import-target">
            <select className="input" value={target} onChange={(e) => setTarget(e.target.value as ImportTarget)} data-testid="import-target">
              {IMPORT_TARGETS.map((t) => (
                <option key={t} value={t}>
                  {TARGET_LABELS[t]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}${fileError ? ' invalid' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="import-drop"
        >
          <p>
            <strong>Drop a CSV or XLSX file here</strong> or{' '}
            <label className="link-button">
              choose one
              <input
                ref={fileInput}
                type="file"
                accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className="visually-hidden"
                onChange={(e) => choose(e.target.files?.[0])}
                data-testid="import-file"
              />
            </label>
          </p>
          <p className="muted small">Exports from a CRM, help desk or survey tool; any delimiter, UTF-8 or UTF-16; up to 100 MB.</p>
          {file && (
            <p className="drop-file" data-testid="import-file-name">
              {file.name} · {formatBytes(file.size)}
            </p>
          )}
        </div>
        {fileError && (
          <p className="form-error" role="alert" data-testid="import-file-error">
            {fileError}
          </p>
        )}
        <footer className="card-actions">
          <button type="button" className="button primary" onClick={next} disabled={staging || !file} data-testid="import-next">
            {staging ? 'Reading the file…' : 'Continue to mapping'}
          </button>
        </footer>
      </section>
    );
  }

  if (step.step === 'importing') {
    const share = step.total > 0 ? step.done / step.total : undefined;
    return (
      <section className="card import-step" data-testid="import-running">
        <h2 className="card-title">Importing {staged?.file.name} into {TARGET_LABELS[target].toLowerCase()}</h2>
        <div className={`progress${share === undefined ? ' indeterminate' : ''}`} role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={step.total} aria-valuenow={step.done}>
          <span style={share === undefined ? undefined : { width: `${share * 100}%` }} />
        </div>
        <p className="muted small" data-testid="import-progress-text">
          {formatInteger(step.done)} of {formatInteger(step.total)} rows{step.rowsPerSecond > 0 ? ` · ${rate(step.rowsPerSecond)}` : ''}
          {step.cancelling ? ' · cancelling…' : ''}
        </p>
        <footer className="card-actions">
          <button type="button" className="button" onClick={cancel} disabled={step.cancelling} data-testid="import-cancel">
            Cancel import
          </button>
        </footer>
      </section>
    );
  }

  if (step.step === 'done') {
    const { result } = step;
    const route = TARGET_ROUTES[target];
    const counts = result.counts;
    return (
      <section className="card import-step" data-testid="import-done">
        {result.committed ? (
          <>
            <h2 className="card-title">
              <span aria-hidden="true">✓</span> Imported {formatInteger(counts.inserts + counts.updates)} {TARGET_LABELS[target].toLowerCase()}
            </h2>
            <ul className="import-counts" data-testid="import-done-counts">
              <li>
                <strong>{formatInteger(counts.inserts)}</strong> new
              </li>
              <li>
                <strong>{formatInteger(counts.updates)}</strong> updated
              </li>
              <li>
                <strong>{formatInteger(counts.skips + counts.errors)}</strong> skipped
              </li>
              <li className="muted">
                {result.seconds.toFixed(1)} s · {rate(result.rowsPerSecond)}
              </li>
            </ul>
            {result.errorFile && (
              <p className="banner" data-testid="import-error-file">
                {formatInteger(counts.errors)} rows with problems were not imported. They were written, with their problems, to <code>{result.errorFile}</code>.
              </p>
            )}
          </>
        ) : (
          <>
            <h2 className="card-title">{result.cancelled ? 'Import cancelled' : 'Import rejected'}</h2>
            <p data-testid="import-not-committed">
              {result.cancelled
                ? 'The import was cancelled. Nothing was changed: the workspace is as it was before.'
                : `The file has ${formatInteger(result.problemsTotal)} problems and the policy is to reject the whole file. Nothing was changed.`}
            </p>
          </>
        )}
        <footer className="card-actions">
          {result.committed && route && (
            <a className="button primary" href={`#/${route}`} data-testid="import-view-rows">
              View {TARGET_LABELS[target].toLowerCase()}
            </a>
          )}
          <button type="button" className="button" onClick={restart} data-testid="import-again">
            Import another file
          </button>
        </footer>
      </section>
    );
  }

  // The mapping and preview step.
  const shown = mapping ?? preview?.mapping;
  const headers = preview?.source.headers ?? [];
  const byColumn = shown ? fieldsByColumn(shown, headers) : {};
  const fieldList = fields.data ?? [];
  const ambiguous = preview?.dateChoices.filter((choice) => choice.ambiguous || choice.conflict) ?? [];
  const fieldColumns = shown ? Object.keys(shown.fields) : [];
  const storedSample = (column: string): string[] => {
    const field = byColumn[column];
    if (!field || !preview) return [];
    return preview.rows.slice(0, 3).map((row) => storedCell(row, field)).filter(Boolean);
  };
  const rejecting = policy === 'reject' && (preview?.counts.errors ?? 0) > 0;

  return (
    <div className="import-map" data-testid="import-map">
      <section className="card import-step">
        <header className="card-header">
          <div>
            <h2 className="card-title">2. Match the columns</h2>
            <p className="card-subtitle">
              <span data-testid="import-source">
                {staged?.file.name} · {formatBytes(staged?.bytes ?? 0)}
                {preview ? ` · ${preview.source.format.toUpperCase()}${preview.source.encoding ? `, ${preview.source.encoding}` : ''}${preview.source.delimiter ? `, delimiter ${delimiterLabel(preview.source.delimiter)}` : ''}` : ''}
              </span>{' '}
              into <strong>{TARGET_LABELS[target].toLowerCase()}</strong>
            </p>
          </div>
          <button type="button" className="button" onClick={restart} data-testid="import-back">
            Choose another file
          </button>
        </header>
        <div className="form-grid import-options">
          <Field label="Mapping" name="import-preset" hint="Presets fit known CRM, help-desk and survey exports">
            <select className="input" value={preset} onChange={(e) => changePreset(e.target.value)} data-testid="import-preset">
              <option value="">Match automatically</option>
              {(presets.data ?? []).map((p) => (
                <option key={p.name} value={p.name} title={p.description}>
                  {p.name}
                  {p.builtIn ? '' : ' (saved)'}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Existing records" name="import-match" hint={target === 'accounts' || target === 'tickets' ? 'Matched by external id' : 'This target is always added as new rows'}>
            <select className="input" value={match} onChange={(e) => setMatch(e.target.value as Match)} data-testid="import-match">
              <option value="upsert">Update matches, add the rest</option>
              <option value="insert">Add every row as new</option>
              <option value="update">Only update matches</option>
            </select>
          </Field>
          <Field label="Rows with problems" name="import-policy">
            <select className="input" value={policy} onChange={(e) => setPolicy(e.target.value as Policy)} data-testid="import-policy">
              <option value="reject">Reject the whole file</option>
              <option value="skip">Skip them, write them to an error file</option>
            </select>
          </Field>
          <Field
            label="Dates like 03/04/2025"
            name="import-date-order"
            hint={ambiguous.length > 0 ? `Ambiguous in ${ambiguous.map((c) => c.column).join(', ')}` : 'Detected per column'}
          >
            <select className="input" value={dateOrder} onChange={(e) => setDateOrder(e.target.value as DateOrder)} data-testid="import-date-order">
              <option value="">Detect from the file</option>
              <option value="mdy">Month first (US)</option>
              <option value="dmy">Day first (European)</option>
              <option value="ymd">Year first</option>
            </select>
          </Field>
        </div>
        {previewError && (
          <p className="form-error" role="alert" data-testid="import-preview-error">
            {previewError}
          </p>
        )}
        <table className="import-table mapping-table" data-testid="import-mapping">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Sample values</th>
              <th scope="col">Imported as</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((column) => {
              const samples = staged?.samples[column] ?? storedSample(column);
              const choice = preview?.dateChoices.find((c) => c.column === column);
              return (
                <tr key={column} data-testid={`map-row-${column}`} className={byColumn[column] ? '' : 'unmapped'}>
                  <th scope="row">{column}</th>
                  <td className="samples">
                    {samples.length > 0 ? samples.map((s, i) => <span key={i} className="sample">{s}</span>) : <span className="muted">empty</span>}
                    {choice?.ambiguous && <span className="pill tone-warn" title={choice.evidence}>ambiguous date</span>}
                    {choice?.conflict && <span className="pill tone-bad" title={choice.conflict}>mixed date orders</span>}
                  </td>
                  <td>
                    <select
                      className="input"
                      aria-label={`Field for ${column}`}
                      value={byColumn[column] ?? ''}
                      onChange={(e) => correct(column, e.target.value)}
                      data-testid={`map-${column}`}
                    >
                      <option value="">— not imported —</option>
                      {fieldList.map((f) => (
                        <option key={f.name} value={f.name}>
                          {fieldLabel(f.name)}
                          {fieldColumns.includes(f.name) && shown && sourceOf(shown, f.name) !== column ? ` (from ${sourceOf(shown, f.name)})` : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="preset-save">
          <Field label="Save this mapping as a preset" name="import-preset-name">
            <input className="input" value={presetName} placeholder="e.g. HubSpot companies" onChange={(e) => setPresetName(e.target.value)} data-testid="import-preset-name" />
          </Field>
          <button type="button" className="button" onClick={savePreset} disabled={!presetName.trim() || !shown} data-testid="import-preset-save">
            Save preset
          </button>
          {presetNotice && (
            <span className={presetNotice.ok ? 'muted small' : 'form-error'} role="status" data-testid="import-preset-notice">
              {presetNotice.text}
            </span>
          )}
        </div>
      </section>

      <section className="card import-step" data-testid="import-preview" aria-busy={previewing}>
        <header className="card-header">
          <h2 className="card-title">3. Preview {previewing && <span className="muted small">updating…</span>}</h2>
        </header>
        {preview && (
          <>
            <ul className="import-counts" data-testid="import-counts">
              <li>
                <strong>{formatInteger(preview.counts.rows)}</strong> rows
              </li>
              <li>
                <strong data-testid="count-inserts">{formatInteger(preview.counts.inserts)}</strong> new
              </li>
              <li>
                <strong data-testid="count-updates">{formatInteger(preview.counts.updates)}</strong> updates
              </li>
              <li>
                <strong data-testid="count-skips">{formatInteger(preview.counts.skips)}</strong> skipped
              </li>
              <li className={preview.counts.errors > 0 ? 'tone-bad' : ''}>
                <strong data-testid="count-errors">{formatInteger(preview.counts.errors)}</strong> with problems
              </li>
            </ul>
            <h3 className="section-title">First rows as they will be stored</h3>
            <div className="import-scroll">
              <table className="import-table" data-testid="import-preview-rows">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Action</th>
                    {fieldColumns.map((f) => (
                      <th scope="col" key={f}>
                        {fieldLabel(f)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row, i) => (
                    <tr key={i}>
                      <td className="num">{cell(row._row)}</td>
                      <td>
                        <span className={`pill action-${cell(row._action)}`}>{cell(row._action)}</span>
                      </td>
                      {fieldColumns.map((f) => (
                        <td key={f} className={MONEY_FIELDS.has(f) ? 'num' : undefined}>
                          {storedCell(row, f)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {preview.problemsTotal > 0 && (
              <>
                <h3 className="section-title">
                  Problems ({formatInteger(preview.problemsTotal)}
                  {preview.problemsTotal > preview.problems.length ? `, the first ${formatInteger(preview.problems.length)} shown` : ''})
                </h3>
                <div className="import-scroll problems">
                  <table className="import-table" data-testid="import-problems">
                    <thead>
                      <tr>
                        <th scope="col">Row</th>
                        <th scope="col">Column</th>
                        <th scope="col">Problem</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.problems.map((problem, i) => (
                        <tr key={i} title={describeProblem(problem)} data-testid="import-problem">
                          <td className="num">{formatInteger(problem.row)}</td>
                          <td>{problem.column ?? '—'}</td>
                          <td>{problem.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </>
        )}
        {commitError && (
          <p className="form-error" role="alert" data-testid="import-commit-error">
            {commitError}
          </p>
        )}
        <footer className="card-actions">
          {rejecting && <span className="muted small" data-testid="import-reject-note">With problems in the file, the reject policy imports nothing. Fix the mapping or skip the bad rows.</span>}
          <button type="button" className={`button${rejecting ? '' : ' primary'}`} onClick={commit} disabled={!preview || previewing || !!previewError} data-testid="import-commit">
            {rejecting ? 'Import (the file will be rejected)' : `Import ${preview ? formatInteger(preview.counts.inserts + preview.counts.updates) : ''} rows`}
          </button>
        </footer>
      </section>
    </div>
  );
}

const sourceOf = (mapping: ImportMapping, field: string) => {
  const source = mapping.fields[field];
  return source === undefined ? '' : typeof source === 'string' ? source : source.column;
};

const delimiterLabel = (d: string) => (d === '\t' ? 'tab' : d === 'whitespace' ? 'spaces' : `“${d}”`);

/** `arrMinor` -> "ARR", `employeeCount` -> "Employee count". */
export function fieldLabel(name: string): string {
  const special: Record<string, string> = { arrMinor: 'ARR', amountMinor: 'Amount', externalId: 'External id', csat: 'CSAT', grossMarginPct: 'Gross margin %', contactEmail: 'Contact e-mail' };
  if (special[name]) return special[name];
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const MONEY_FIELDS = new Set(['arrMinor', 'amountMinor']);

/** A stored value as the user reads it: money in its currency, lists and objects as text. */
function storedCell(row: Record<string, unknown>, field: string): string {
  const value = row[field];
  if (MONEY_FIELDS.has(field) && typeof value === 'number') {
    const currency = typeof row.currency === 'string' && /^[A-Z]{3}$/.test(row.currency) ? row.currency : 'USD';
    return formatMoney(value, currency);
  }
  return cell(value);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
