// Which channels only read the workspace (issue 14: reads keep being served while a long write
// runs). A read channel may be answered by the core host's reader: a second thread or process with
// its own query-only connection on the same WAL file, which sees the last committed state and never
// waits for the writer's transaction. Everything else (writes, files, jobs, anything that keeps
// state in the writer's memory) is served by the writer. Classified by verb, with the exceptions
// named; tests/integration/channelAccess.test.ts fails for a channel whose verb is in neither list.

export type Access = 'read' | 'write';

/** Verbs that only read: their handlers run SELECTs (and arithmetic over cached inputs). */
export const READ_VERBS: ReadonlySet<string> = new Set([
  'get',
  'list',
  'table',
  'explain',
  'portfolio',
  'account',
  'trend',
  'definitions',
  'display',
  'facets',
  'timeline',
  'atRisk',
  'funnel',
  'consents',
  'results',
  'template',
  'templates',
  'compare',
  'presets',
  'fields',
  'values',
  'scheduled',
  'info',
  'adherence',
  'availability',
  'candidates',
  'capacity',
  'coverage',
  'influence',
  'match',
  'matching',
  'forAccounts',
  'programFigures',
  'readiness',
  'standing',
  'productResults',
  'records',
  'unmapped',
  'features',
  'model',
  'satisfactionRevenue',
  'crossValidate',
  // feedback.draft: "Capture as feedback"'s first draft of a ticket, an answer or a touchpoint.
  'draft',
  // journeys.measure: a job (progress, cancel) wherever it runs; on the reader during a long write its
  // progress and cancel are forwarded by the host's client (host/reader.ts), its inputs read cold there.
  'measure',
  // team.assessmentSharing: whether an assessment is shared with the team.
  'assessmentSharing',
  // contacts.erasePlan: what an erasure would remove (docs/privacy.md).
  'erasePlan',
  // team.conflicts: the team's conflicts list.
  'conflicts',
]);

/** Verbs that write, or touch files, or act on the writer's own state. */
export const WRITE_VERBS: ReadonlySet<string> = new Set([
  'create',
  'update',
  // Tasks, playbooks and calls to action (issue 17): ctas.evaluate opens calls to action.
  'delete',
  'apply',
  'close',
  // ctas.open: a call to action opened by hand.
  'open',
  // feedbackRequests.tell: a task per account that asked.
  'tell',
  'evaluate',
  'archive',
  'unarchive',
  'restore',
  'addStage',
  'addTouchpoint',
  'removeStage',
  'removeTouchpoint',
  'updateStage',
  'updateTouchpoint',
  'moveStage',
  'move',
  'duplicate',
  'link',
  'linkOutcome',
  'unlinkOutcome',
  'answer',
  'answerSheet',
  'approve',
  'withdrawApproval',
  'complete',
  'decline',
  'schedule',
  'cancel',
  'grantConsent',
  'revokeConsent',
  'importAnswers',
  'importFile',
  'exportFile',
  'export',
  'savePdf',
  'savePreset',
  'saveRespondent',
  'saveRoadmap',
  'saveTemplate',
  'setTargets',
  'removeRespondent',
  'report',
  'set',
  'clear',
  'settings',
  'commit',
  'preview',
  'detect',
  'stage',
  'chunk',
  'download',
  'metrics',
  'rebuild',
  'recompute',
  'train',
  'running',
  // team.join (issue 19): fills the workspace from the team's server.
  'join',
  // team.sync: pushes the outbox and applies the team's changes.
  'sync',
  // team.members / team.addMember: the team server's members (a read of the server, not of the workspace,
  // served by the writer like the other team channels); team.shareAssessment queues an assessment for the team.
  'members',
  'addMember',
  'shareAssessment',
  // contacts.erase: erasing a person (docs/privacy.md).
  'erase',
  // team.conflicts.resolve: keeps a merge's outcome or writes the losing value back (the verb is all after the domain).
  'conflicts.resolve',
]);

/**
 * Read verbs served by the writer all the same: a file is named (grants live in the writer), the
 * answer is kept in the writer's memory (staged imports, downloads, running jobs). A job that reads
 * (journeys.measure) may run on the reader: its progress and cancel cross from there (host/client.ts).
 */
export const WRITER_SERVED: ReadonlySet<string> = new Set(['export.table', 'import.values', 'import.fields', 'import.presets', 'workspace.info']);

/** How a channel is served: 'read' (the reader may answer it) or 'write' (the writer only). Unknown verbs are writes. */
export function accessOf(channel: string): Access {
  if (WRITER_SERVED.has(channel)) return 'write';
  return READ_VERBS.has(channel.slice(channel.indexOf('.') + 1)) ? 'read' : 'write';
}
