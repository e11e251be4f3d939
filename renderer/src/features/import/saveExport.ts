import type { Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { downloadFile } from '../../lib/download';
import { fromBase64 } from './importModel';

/**
 * Offers an `export.download` result as a file: inline content as is, a large export read from the
 * core in bounded chunks (`export.chunk`) into a Blob, so no single answer is the whole file.
 */
export async function saveExport(file: Output<'export.download'>): Promise<void> {
  if (file.contentBase64 !== null) return downloadFile(file.name, file.mediaType, fromBase64(file.contentBase64));
  const parts: BlobPart[] = [];
  for (let offset = 0, done = file.downloadId === null; !done;) {
    const chunk = await call('export.chunk', { downloadId: file.downloadId!, offset });
    parts.push(fromBase64(chunk.contentBase64));
    ({ offset, done } = chunk);
  }
  downloadFile(file.name, file.mediaType, new Blob(parts, { type: file.mediaType }));
}
