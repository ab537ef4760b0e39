/**
 * Joins labels for a status line, keeping it short enough for a summary cell: the first few, then a count.
 */
export function nameList(labels: string[], max = 3): string {
  const shown = labels.slice(0, max).join(', ');
  return labels.length > max
    ? `${shown} and ${labels.length - max} more`
    : shown;
}
