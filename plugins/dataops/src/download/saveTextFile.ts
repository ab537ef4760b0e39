/**
 * Hands text to the browser as a file download. A temporary anchor with `download` is the one way that
 * works in every browser without a server round trip that would have to carry the user's token again.
 */
export function saveTextFile(
  fileName: string,
  content: string,
  type: string,
): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    // Firefox may still read the blob after click() returns; freeing it on the next task is enough.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
