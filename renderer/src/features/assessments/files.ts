// Files between the core and the user: downloads of what the core wrote, uploads as base64.
import { downloadFile } from '../../lib/download';
import { fromBase64, toBase64 } from '../import/importModel';

export function downloadCoreFile(file: { name: string; mediaType: string; contentBase64: string }) {
  downloadFile(file.name, file.mediaType, fromBase64(file.contentBase64));
}

export async function fileToBase64(file: File): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()));
}
