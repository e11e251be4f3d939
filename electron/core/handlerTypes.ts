import type { Channel, Output, ParsedInput } from '../../shared/contract';
import type { Result } from '../../shared/rpc';
import type { Context } from './context';

/** A channel's handler: what dispatch passes after validation in, what the contract promises out. */
export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: Context) => Output<C> | Promise<Output<C>>;

/** The channels whose name starts with `<domain>.`. */
export type ChannelsOf<D extends string> = Extract<Channel, `${D}.${string}`>;

/**
 * Handlers for a set of channels, each typed against its contract: `xxxHandlers = { ... } satisfies
 * Handlers<ChannelsOf<'xxx'>>` makes a wrong input or output type a compile error, and a missing or
 * unknown channel too.
 */
export type Handlers<C extends Channel> = { [K in C]: Handler<K> };

/**
 * The one door as a function (createDispatch in dispatch.ts makes it). Declared here, beside the
 * handler types, so a domain that is handed the door (the backup schedule) need not import
 * dispatch.ts, which imports every domain's handlers.
 */
export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;
