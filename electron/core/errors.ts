import type { ErrorCode, InputIssue } from '../../shared/rpc';

/** An error the user can act on; dispatch turns it into `{ ok: false, error }`. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: InputIssue[],
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export const notFound = (what: string, id: number) => new CoreError('NOT_FOUND', `${what} ${id} does not exist`);
