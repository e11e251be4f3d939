import type { CustomFieldType } from '../../../../shared/contract/customFields';
import { Field } from '../../components/Field';
import { keepColumn, keptAs } from './importShape';
import { ColumnChoice, CustomOptions, customChoice } from './ColumnChoice';
import { DetectedPreset } from './DetectedPreset';
import { EventLogOptions } from './EventLogOptions';
import { ShapeOptions } from './ShapeOptions';
import { assignColumn, fieldsByColumn, formatBytes, TARGET_LABELS } from './importModel';
import { delimiterLabel, fieldLabel, sourceOf, storedCell } from './cells';
import type { DateOrder, ImportWizardState, Match, Policy } from './useImportWizard';
import { matchHint } from './matchHint';

/** Step 2: the options and the column -> field mapping, with samples to check it against. */
export function MappingStep({ wizard }: { wizard: ImportWizardState }) {
  const {
    target,
    staged,
    preset,
    mapping,
    match,
    setMatch,
    policy,
    setPolicy,
    dateOrder,
    setDateOrder,
    preview,
    previewError,
    presetName,
    setPresetName,
    presetNotice,
    presets,
    fields,
  } = wizard;
  const { restart, changePreset, correct, reshape, savePreset } = wizard;
  // A field, "not imported", or `custom:<type>`: kept as a custom field of the record.
  const choose = (column: string, value: string) => {
    if (value.startsWith('custom:')) reshape((current) => keepColumn(assignColumn(current, column, ''), column, value.slice(7) as CustomFieldType));
    else if (keptAs(shown, column)) reshape((current) => assignColumn(keepColumn(current, column, undefined), column, value));
    else correct(column, value);
  };
  const shown = mapping ?? preview?.mapping;
  const headers = preview?.source.headers ?? [];
  const byColumn = shown ? fieldsByColumn(shown, headers) : {};
  const fieldList = fields.data ?? [];
  const ambiguous = preview?.dateChoices.filter((choice) => choice.ambiguous || choice.conflict) ?? [];
  const fieldColumns = shown ? Object.keys(shown.fields) : [];
  // Without samples read from the file (an XLSX, or not read yet), the first stored values stand in.
  const storedSample = (column: string): string[] => {
    const field = byColumn[column];
    if (!field || !preview) return [];
    return preview.rows
      .slice(0, 3)
      .map((row) => storedCell(row, field))
      .filter(Boolean);
  };

  return (
    <section className="card import-step">
      <header className="card-header">
        <div>
          <h2 className="card-title">2. Match the columns</h2>
          <p className="card-subtitle">
            <span data-testid="import-source">
              {staged?.file.name} · {formatBytes(staged?.bytes ?? 0)}
              {preview
                ? ` · ${preview.source.format.toUpperCase()}${preview.source.encoding ? `, ${preview.source.encoding}` : ''}${preview.source.delimiter ? `, delimiter ${delimiterLabel(preview.source.delimiter)}` : ''}`
                : ''}
            </span>{' '}
            into <strong>{TARGET_LABELS[target].toLowerCase()}</strong>
          </p>
        </div>
        <button type="button" className="button" onClick={restart} data-testid="import-back">
          Choose another file
        </button>
      </header>
      <DetectedPreset wizard={wizard} />
      <div className="form-grid import-options">
        <Field label="Mapping" name="import-preset" hint="Presets fit known CRM, help-desk and survey exports">
          <select className="input" value={preset} onChange={(e) => changePreset(e.target.value)} data-testid="import-preset">
            <option value="">Match automatically</option>
            {(presets.data ?? []).map((p) => (
              <option key={p.name} value={p.name} title={p.description}>
                {p.tool ? `${p.tool}: ` : ''}
                {p.name}
                {p.builtIn ? '' : ' (saved)'}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Existing records" name="import-match" hint={matchHint(target)}>
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
      <ShapeOptions wizard={wizard} />
      <EventLogOptions wizard={wizard} />
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
          {headers.map((column, index) => {
            const samples = staged?.samples[column] ?? storedSample(column);
            const choice = preview?.dateChoices.find((c) => c.column === column);
            return (
              // By position: a header can name two columns (an event log's Variant twice).
              <tr key={`${index}:${column}`} data-testid={`map-row-${column}`} className={byColumn[column] ? '' : 'unmapped'}>
                <th scope="row">{column}</th>
                <td className="samples">
                  {samples.length > 0 ? (
                    samples.map((s, i) => (
                      <span key={i} className="sample">
                        {s}
                      </span>
                    ))
                  ) : (
                    <span className="muted">empty</span>
                  )}
                  {choice?.ambiguous && (
                    <span className="pill tone-warn" title={choice.evidence}>
                      ambiguous date
                    </span>
                  )}
                  {choice?.conflict && (
                    <span className="pill tone-bad" title={choice.conflict}>
                      mixed date orders
                    </span>
                  )}
                </td>
                <td>
                  <select
                    className="input"
                    aria-label={`Field for ${column}`}
                    value={byColumn[column] || customChoice(shown, column)}
                    onChange={(e) => choose(column, e.target.value)}
                    data-testid={`map-${column}`}
                  >
                    <option value="">— not imported —</option>
                    {fieldList.map((f) => (
                      <option key={f.name} value={f.name}>
                        {fieldLabel(f.name)}
                        {fieldColumns.includes(f.name) && shown && sourceOf(shown, f.name) !== column ? ` (from ${sourceOf(shown, f.name)})` : ''}
                      </option>
                    ))}
                    <CustomOptions wizard={wizard} column={column} />
                  </select>
                  <ColumnChoice wizard={wizard} column={column} mapped={!!byColumn[column]} />
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
  );
}
