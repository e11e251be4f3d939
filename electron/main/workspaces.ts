// Which workspace is open, and switching between workspaces. The one piece of state with a
// lifecycle in the shell; host things (dialogs, the demo generator, events) are injected, so this
// file does not import 'electron' and is tested in plain Node with real SQLite files.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ChangeEvent } from '../../shared/rpc';
import { CoreError, createCore, type Core, type FilePolicy } from '../core';
import type { Log } from '../core/context';
import { chooseWorkspace, readSettings, rememberOpened, removeRecent, withWorkspaceExtension, writeSettings, type Settings } from './settings';

/** What the shell needs of an open workspace's core: the in-process Core, or the core host's client (issue 14). */
export type CoreHandle = Pick<Core, 'dispatch' | 'subscribe' | 'close'>;

/** How a workspace's core is opened; refuses (throws) like createCore when the file cannot be opened. */
export type OpenCore<C extends CoreHandle> = (options: { dbPath: string; create: boolean; log: Log; files?: FilePolicy; identityFile?: string }) => Promise<C>;

export interface WorkspaceHostOptions<C extends CoreHandle = Core> {
  /**
   * Opens a workspace's core. The desktop app starts it in its own utility process (electron/main/coreProcess.ts);
   * without it, createCore in this process (the tests of this file).
   */
  openCore?: OpenCore<C>;
  /** userData/settings.json */
  settingsFile: string;
  /** userData/demo.fulcrum */
  demoPath: string;
  /** Creates the demo workspace file if it is missing. */
  ensureDemo(path: string): Promise<void>;
  /** dialog.showErrorBox in the app. */
  showError(title: string, message: string): void;
  log: Log;
  /** A core's `domain.changed` events, to forward to the renderer. */
  onEvent(event: ChangeEvent): void;
  /** The open workspace or the recent list changed; `switched` when another workspace is now open. */
  onChange(change: { switched: boolean }): void;
  /** The file policy of every core opened here (the desktop app: grants from its file dialogs). */
  files?: FilePolicy;
  /** userData/identity.json: who uses this laptop's Fulcrum, the same for every workspace opened here. */
  identityFile?: string;
}

const OPEN_FAILED = 'Could not open the workspace';

/** A CoreError's message is written for the user; anything else gets the path and the cause. */
function describeOpenError(path: string, error: unknown): string {
  if (error instanceof CoreError) return error.message;
  return `${path} could not be opened: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Closes a core and its SQLite connection. core.close() destroys Kysely, which closes the
 * connection only if Kysely ran a query; a workspace opened without pending migrations and never
 * queried would otherwise stay open (file handle, WAL not checkpointed).
 */
async function closeCore(core: CoreHandle): Promise<void> {
  try {
    await core.close();
  } finally {
    // Only an in-process core has a connection here; a hosted one closes its own in its process.
    if ('context' in core) {
      const { sqlite } = (core as Core).context;
      if (sqlite.open) sqlite.close();
    }
  }
}

const inProcess = (options: Parameters<OpenCore<Core>>[0]) => createCore(options);

export class WorkspaceHost<C extends CoreHandle = Core> {
  private core: C | undefined;
  private path: string | undefined;
  private unsubscribe: (() => void) | undefined;
  private settings: Settings;
  /** Opens and closes run one after another, never interleaved. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: WorkspaceHostOptions<C>) {
    this.settings = readSettings(options.settingsFile);
  }

  /** The open workspace's core, if any: what the IPC handler dispatches to. */
  get current(): C | undefined {
    return this.core;
  }

  get currentPath(): string | undefined {
    return this.path;
  }

  get recent(): readonly string[] {
    return this.settings.recent;
  }

  get demoPath(): string {
    return this.options.demoPath;
  }

  /** At start: the last workspace if it still exists, else the demo (created if missing). */
  openInitial(): Promise<boolean> {
    return this.serial(async () => {
      const choice = chooseWorkspace(this.settings, this.options.demoPath, existsSync);
      if (!choice.demo && (await this.switchTo(choice.path, { create: false }))) return true;
      return this.openDemoNow();
    });
  }

  /** An existing workspace file (File › Open…, Open Recent). A failure keeps the current one. */
  open(path: string): Promise<boolean> {
    return this.serial(() => this.switchTo(resolve(path), { create: false }));
  }

  /** A new, empty workspace (File › New workspace…). An existing file is never overwritten. */
  create(path: string): Promise<boolean> {
    return this.serial(async () => {
      const target = resolve(withWorkspaceExtension(path));
      if (existsSync(target)) {
        this.options.showError('The file already exists', `${target} already exists. Fulcrum does not overwrite files: choose a new name, or use File › Open… to open it.`);
        return false;
      }
      return this.switchTo(target, { create: true });
    });
  }

  openDemo(): Promise<boolean> {
    return this.serial(() => this.openDemoNow());
  }

  clearRecent(): void {
    this.settings = { ...this.settings, recent: [] };
    this.save();
    this.options.onChange({ switched: false });
  }

  /** Closes the open workspace (at quit). */
  close(): Promise<void> {
    return this.serial(async () => {
      const core = this.core;
      this.unsubscribe?.();
      this.core = undefined;
      this.path = undefined;
      this.unsubscribe = undefined;
      if (core) await closeCore(core);
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async openDemoNow(): Promise<boolean> {
    const path = this.options.demoPath;
    try {
      mkdirSync(dirname(path), { recursive: true });
      await this.options.ensureDemo(path);
    } catch (error) {
      this.options.log('error', 'creating the demo workspace failed', error);
      this.options.showError(OPEN_FAILED, `The demo workspace ${path} could not be created: ${(error as Error).message}`);
      return false;
    }
    return this.switchTo(path, { create: false });
  }

  /** Opens the new core first and only then closes the old one, so a failure keeps the previous workspace. */
  private async switchTo(path: string, { create }: { create: boolean }): Promise<boolean> {
    if (this.core && path === this.path) return true;
    if (!create && !existsSync(path)) {
      // Opening a missing file would create an empty workspace in its place: refuse, and forget it.
      this.settings = { ...this.settings, recent: removeRecent(this.settings.recent, path) };
      this.save();
      this.options.onChange({ switched: false });
      this.options.showError(OPEN_FAILED, `${path} does not exist any more (moved or deleted?).`);
      return false;
    }
    let next: C;
    try {
      // Opening refuses a missing or empty file (never adopts it as a new workspace); only create makes one.
      // Without openCore, C is its default, Core: createCore's own type.
      const open = this.options.openCore ?? (inProcess as unknown as OpenCore<C>);
      next = await open({ dbPath: path, log: this.options.log, create, files: this.options.files, identityFile: this.options.identityFile });
    } catch (error) {
      this.options.log('warn', `opening ${path} failed`, error);
      this.options.showError(OPEN_FAILED, describeOpenError(path, error));
      return false;
    }
    const previous = this.core;
    this.unsubscribe?.();
    this.core = next;
    this.path = path;
    this.unsubscribe = next.subscribe((event) => this.options.onEvent(event));
    this.settings = rememberOpened(this.settings, path);
    this.save();
    this.options.onChange({ switched: true });
    if (previous) {
      await closeCore(previous).catch((error: unknown) => this.options.log('warn', 'closing the previous workspace failed', error));
    }
    return true;
  }

  private save(): void {
    try {
      writeSettings(this.options.settingsFile, this.settings);
    } catch (error) {
      this.options.log('warn', `could not write ${this.options.settingsFile}`, error);
    }
  }
}
