/** Saves a blob the API answered as a file, as a link to it would. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click has been handled, not before the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
