import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { Input, Output } from '../../../../shared/contract';
import type { ImportMapping, ImportPreview, ImportResult, ImportTarget } from '../../../../shared/contract/import';
import { ApiError, call } from '../../api/client';
import { listen } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { overPreset } from './importShape';
import { assignColumn, decodeStart, fileProblem, parseCsvStart, sampleValues, STAGE_CHUNK_BYTES, toBase64 } from './importModel';

// The import wizard's state machine and its calls to the core; the step components only render it.

export type Match = 'insert' | 'update' | 'upsert';
export type Policy = 'reject' | 'skip';
export type DateOrder = '' | 'ymd' | 'mdy' | 'dmy';

export interface Staged {
  file: File;
  /** The core's handle for the staged copy (`staged:…`), what the import channels take: never a path on disk. */
  path: string;
  bytes: number;
  samples: Record<string, string[]>;
}

export type Step =
  | { step: 'choose' }
  | { step: 'map' }
  | { step: 'importing'; jobId: string; done: number; total: number; estimated: boolean; rowsPerSecond: number; cancelling: boolean }
  | { step: 'done'; result: ImportResult };

export type Importing = Extract<Step, { step: 'importing' }>;

const message = (failure: unknown) => (failure instanceof ApiError || failure instanceof Error ? failure.message : String(failure));

/**
 * The chosen (or dropped) file's bytes into the core's private temp folder, in chunks the bridge
 * takes. The renderer never names a path: the core issues a handle for the staged copy, accepted
 * under every file policy, so a dropped file is as good as a dialog's.
 */
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

export function useImportWizard() {
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
  /** Which preset the file's header fits (import.detect), and what automatic mapping proposes with its confidence. */
  const [detected, setDetected] = useState<Output<'import.detect'>>();
  const [commitError, setCommitError] = useState<string>();
  const presets = useQuery('import.presets', { into: target });
  const fields = useQuery('import.fields', { into: target });
  const latest = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const input = (path: string): Input<'import.preview'> => {
    // Automatic matching becomes explicit once a date order is chosen over it.
    const explicit = mapping ?? (dateOrder && !preset ? preview?.mapping : undefined);
    // An edit over a preset keeps the preset (it also says which header rows are not data).
    const presetFields = Object.keys(presets.data?.find((p) => p.name === preset)?.mapping.fields ?? {});
    const chosen = explicit
      ? preset
        ? { preset, mapping: { ...overPreset(explicit, presetFields), dateOrder: dateOrder || undefined } }
        : { mapping: { ...explicit, dateOrder: dateOrder || undefined } }
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
  }, [staged?.path, step.step, mapping, preset, match, policy, dateOrder, target]); // eslint-disable-line react-hooks/exhaustive-deps -- previews again when a choice changes; the staged file's other fields are read, not watched

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
    setDetected(undefined);
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
      // The header against every shipped preset: a fit is taken as the mapping, the user can pick another.
      const found = await call('import.detect', { path }).catch(() => undefined);
      if (found?.best) {
        setTarget(found.best.into);
        setPreset(found.best.name);
        setDetected(found);
      } else {
        // No preset fits: the automatic mapping's confidence for the target the user chose.
        setDetected(await call('import.detect', { path, into: target }).catch(() => found));
        setPreset('');
      }
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
    // A detected preset of another target brings its target with it.
    const candidate = detected?.candidates.find((c) => c.name === name);
    if (candidate) setTarget(candidate.into);
    setPreset(name);
    setMapping(undefined);
    setPresetNotice(undefined);
  };

  const correct = (column: string, field: string) => {
    const current = mapping ?? preview?.mapping;
    if (!current) return;
    setMapping(assignColumn(current, column, field));
  };

  /** A change of the file's shape (a default, a scale, a kept column) over the mapping now shown. */
  const reshape = (change: (current: ImportMapping) => ImportMapping) => {
    const current = mapping ?? preview?.mapping;
    if (current) setMapping(change(current));
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
    // A preview of a large file read only its head: the whole file's rows are estimated from how far the head reached.
    const head = preview?.head;
    const total = head && head.fraction > 0 ? Math.round(head.rows / head.fraction) : (preview?.counts.rows ?? 0);
    setStep({ step: 'importing', jobId, done: 0, total, estimated: head !== undefined, rowsPerSecond: 0, cancelling: false });
    const stop = listen((event) => {
      const progress = event as typeof event & { jobId?: string; rowsPerSecond?: number };
      if (event.name !== 'import.progress' || progress.jobId !== jobId || !event.progress) return;
      setStep((current) =>
        current.step === 'importing'
          ? {
              ...current,
              done: event.progress!.done,
              // The preview counted the rows (exactly, or estimated from a large file's head); the core's total is an estimate from the bytes read.
              total: Math.max(current.total || event.progress!.total, event.progress!.done),
              rowsPerSecond: progress.rowsPerSecond ?? 0,
            }
          : current,
      );
    });
    try {
      // The first rows as stored come back with the result: the done step shows what was imported.
      const result = await call('import.commit', { ...input(staged.path), jobId, previewRows: 20 });
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

  return {
    target,
    setTarget,
    file,
    fileError,
    dragging,
    setDragging,
    staging,
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
    previewing,
    previewError,
    presetName,
    setPresetName,
    presetNotice,
    step,
    commitError,
    presets,
    fields,
    fileInput,
    choose,
    restart,
    next,
    changePreset,
    correct,
    reshape,
    detected,
    savePreset,
    commit,
    cancel,
    onDrop,
  };
}

/** What the step components read and call. */
export type ImportWizardState = ReturnType<typeof useImportWizard>;
