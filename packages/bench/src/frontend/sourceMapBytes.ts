/** The parts of a source map (revision 3) that byte attribution needs. */
export interface SourceMapLike {
  sources: string[];
  mappings: string;
}

const BASE64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one segment's Base64 VLQ fields (sign in the lowest bit, 5 data bits per digit). */
export function decodeVlqSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64_VALUE.get(char);
    if (digit === undefined) {
      throw new Error(`'${char}' is not a Base64 VLQ digit in '${segment}'`);
    }
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  if (shift !== 0) {
    throw new Error(`unterminated Base64 VLQ segment '${segment}'`);
  }
  return values;
}

/**
 * Bytes of the generated file that come from each source, following the map's segments: a segment owns the
 * generated text from its column to the next segment's column (or the line end). Text before a line's first
 * segment, segments without a source and line breaks count as `null` (generated glue). Columns are UTF-16
 * code units, as in the spec, so lengths are counted in UTF-8 bytes of that slice.
 */
export function bytesPerSource(
  code: string,
  map: SourceMapLike,
): Map<string | null, number> {
  const totals = new Map<string | null, number>();
  const add = (source: string | null, text: string) => {
    if (text.length === 0) return;
    totals.set(
      source,
      (totals.get(source) ?? 0) + Buffer.byteLength(text, 'utf8'),
    );
  };
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  // Source index is relative to the previous segment across the whole file; columns restart every line.
  let sourceIndex = 0;
  lines.forEach((line, lineNo) => {
    if (lineNo > 0) add(null, '\n');
    const segments = (mappingLines[lineNo] ?? '')
      .split(',')
      .filter(s => s.length > 0);
    let column = 0;
    const starts: Array<{ column: number; source: string | null }> = [];
    for (const segment of segments) {
      const fields = decodeVlqSegment(segment);
      column += fields[0];
      let source: string | null = null;
      if (fields.length >= 4) {
        sourceIndex += fields[1];
        source = map.sources[sourceIndex] ?? null;
      }
      starts.push({ column, source });
    }
    add(null, line.slice(0, starts[0]?.column ?? line.length));
    starts.forEach((start, i) => {
      const end = starts[i + 1]?.column ?? line.length;
      add(start.source, line.slice(start.column, end));
    });
  });
  return totals;
}
