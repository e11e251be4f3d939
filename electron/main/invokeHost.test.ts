import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../core';
import { handleInvoke } from './invoke';

const rendererDir = '/app/out/renderer';
const ownUrl = `app://fulcrum/index.html#/assessments/1/report`;

// Channels the shell answers itself (the report's PDF): they get the core's dispatch to build on,
// and are held to the same sender check as every other call.
describe('host channels', () => {
  const dispatch = vi.fn<Dispatch>(async (channel) => ({ ok: true, value: { html: '<p>report</p>', channel } }));
  const savePdf = vi.fn(async (input: unknown, core: Dispatch) => {
    const report = await core('assessments.report', input);
    return { ok: true as const, value: { path: '/tmp/report.pdf', from: report } };
  });
  const context = { origin: { rendererDir }, dispatch: () => dispatch, log: vi.fn(), host: { 'assessments.savePdf': savePdf } };

  it('answers a host channel in the shell, with the core at hand', async () => {
    const result = await handleInvoke(context, ownUrl, 'assessments.savePdf', { id: 1 });
    expect(result).toMatchObject({ ok: true, value: { path: '/tmp/report.pdf' } });
    expect(dispatch).toHaveBeenCalledWith('assessments.report', { id: 1 });
  });

  it('still sends other channels to the core and refuses untrusted senders', async () => {
    expect(await handleInvoke(context, ownUrl, 'assessments.get', { id: 1 })).toEqual({ ok: true, value: { html: '<p>report</p>', channel: 'assessments.get' } });
    savePdf.mockClear();
    const refused = await handleInvoke(context, 'http://elsewhere.test/', 'assessments.savePdf', { id: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(savePdf).not.toHaveBeenCalled();
  });
});
