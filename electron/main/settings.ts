// The shell's own small memory (userData/settings.json): the last workspace and the recent list.
// Pure functions plus plain node:fs, no 'electron', so the unit tests run in plain Node.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';

export const MAX_RECENT = 10;

export interface Settings {
  lastWorkspace?: string;
  /** Most recent first, no duplicates, at most MAX_RECENT. */
  recent: string[];
}

export const emptySettings = (): Settings => ({ recent: [] });

/** Whatever is in the file (missing, not JSON, hand-edited), the result is a valid Settings. */
export function parseSettings(text: string | undefined): Settings {
  if (!text) return emptySettings();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return emptySettings();
  }
  if (typeof raw !== 'object' || raw === null) return emptySettings();
  const { lastWorkspace, recent } = raw as { lastWorkspace?: unknown; recent?: unknown };
  const paths = Array.isArray(recent) ? recent.filter((p): p is string => typeof p === 'string' && p !== '') : [];
  return {
    ...(typeof lastWorkspace === 'string' && lastWorkspace !== '' ? { lastWorkspace } : {}),
    recent: [...new Set(paths)].slice(0, MAX_RECENT),
  };
}

/** Puts `path` first, drops its older entry, keeps at most `max`. */
export function addRecent(recent: readonly string[], path: string, max = MAX_RECENT): string[] {
  return [path, ...recent.filter((p) => p !== path)].slice(0, max);
}

export function removeRecent(recent: readonly string[], path: string): string[] {
  return recent.filter((p) => p !== path);
}

/** The settings after `path` was opened successfully. */
export function rememberOpened(settings: Settings, path: string): Settings {
  return { lastWorkspace: path, recent: addRecent(settings.recent, path) };
}

export interface WorkspaceChoice {
  path: string;
  /** True when the demo workspace is chosen (it may have to be created first). */
  demo: boolean;
}

/**
 * Which workspace to open at start: the last one if its file still exists, else the demo
 * workspace, so that a first start (or a moved file) shows a living app.
 */
export function chooseWorkspace(settings: Settings, demoPath: string, exists: (path: string) => boolean): WorkspaceChoice {
  const last = settings.lastWorkspace;
  if (last && last !== demoPath && exists(last)) return { path: last, demo: false };
  return { path: demoPath, demo: true };
}

/** "acme.fulcrum" -> "acme" */
export function workspaceName(path: string): string {
  const name = basename(path);
  const ext = extname(name);
  return ext && ext !== name ? name.slice(0, -ext.length) : name;
}

/** "Fulcrum — acme (/home/ann/acme.fulcrum)" */
export function windowTitle(path: string | undefined): string {
  return path ? `Fulcrum — ${workspaceName(path)} (${path})` : 'Fulcrum — no workspace open';
}

/** A new workspace's file name gets the .fulcrum extension when the save dialog left it without one. */
export function withWorkspaceExtension(path: string): string {
  return extname(path) === '' ? `${path}.fulcrum` : path;
}

export function readSettings(file: string): Settings {
  try {
    return parseSettings(readFileSync(file, 'utf8'));
  } catch {
    return emptySettings();
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a settings file. */
export function writeSettings(file: string, settings: Settings): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, 'utf8');
  renameSync(temporary, file);
}
