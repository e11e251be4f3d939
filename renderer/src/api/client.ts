import type { Channel, Input, Output } from '../../../shared/contract';
import type { RpcError } from '../../../shared/rpc';
import { send } from './transport';

/** A failed call, carrying the core's code, message and per-field issues for forms to show. */
export class ApiError extends Error {
  constructor(readonly error: RpcError) {
    super(error.message);
    this.name = 'ApiError';
  }

  /** The message for one form field, if the core named it. */
  issueFor(field: string): string | undefined {
    return this.error.issues?.find((issue) => issue.path === field || issue.path.startsWith(`${field}.`))?.message;
  }
}

/**
 * Anything a failed action threw, as an ApiError: the core's own errors pass through; a bug's
 * Error, or a thrown non-Error, becomes an INTERNAL error with a readable message.
 */
export function toApiError(failure: unknown): ApiError {
  if (failure instanceof ApiError) return failure;
  return new ApiError({ code: 'INTERNAL', message: failure instanceof Error ? failure.message : String(failure) });
}

/** Typed call into the core: the contract decides what goes in and what comes out. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await send(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as Output<C>;
}
