/** Hands bytes to the browser's download under a file name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the bytes to the browser's download; a revoke at once may cancel it in some engines.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
