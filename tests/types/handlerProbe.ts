// Compile-time probe, never run: `tsc -b` must reject each handler below. Each `@ts-expect-error`
// fails the build if the error it expects disappears, i.e. if the handler table stopped checking
// handlers against the contract (as `AnyHandler = (input: any, ctx) => unknown` once did).
import { accountsHandlers } from '../../electron/core/accounts/handlers';
import type { ChannelsOf, Handlers } from '../../electron/core/handlerTypes';
import type { typedHandlers } from '../../electron/core/handlers';

// A handler returning the wrong shape: accounts.facets returns { segments, owners, industries, regions }.
export const wrongOutput = {
  ...accountsHandlers,
  // @ts-expect-error a number is not the facets
  'accounts.facets': () => 42,
} satisfies Handlers<ChannelsOf<'accounts'>>;

// A handler expecting the wrong input: accounts.get receives { id: number }.
export const wrongInput = {
  ...accountsHandlers,
  // @ts-expect-error the id is a number, not text
  'accounts.get': (input: { id: string }) => accountsHandlers['accounts.get']({ id: Number(input.id) }, undefined as never),
} satisfies Handlers<ChannelsOf<'accounts'>>;

// A domain without one of its channels.
// @ts-expect-error accounts.timeline is missing
export const missingChannel = { 'accounts.facets': accountsHandlers['accounts.facets'] } satisfies Handlers<ChannelsOf<'accounts'>>;

// The table dispatch uses keeps each channel's own output type.
type FacetsOutput = Awaited<ReturnType<(typeof typedHandlers)['accounts.facets']>>;
// @ts-expect-error facets are not a number
export const facets: FacetsOutput = 42;
