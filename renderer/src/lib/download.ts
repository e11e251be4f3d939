/** Hands data the core produced to the browser as a file download (works the same in Electron). */
export function downloadFile(name: string, mediaType: string, data: BlobPart) {
  const url = URL.createObjectURL(new Blob([data], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
