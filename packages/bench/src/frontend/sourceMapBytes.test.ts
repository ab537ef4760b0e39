import { bytesPerSource, decodeVlqSegment } from './sourceMapBytes';

describe('decodeVlqSegment', () => {
  it('decodes single-digit, negative and multi-digit fields', () => {
    // A=0, C=1, D=-1, gB=16 (continuation bit then 1 << 4)
    expect(decodeVlqSegment('ACDgB')).toEqual([0, 1, -1, 16]);
    expect(decodeVlqSegment('2H')).toEqual([123]);
  });

  it('rejects characters outside Base64 and an unfinished field', () => {
    expect(() => decodeVlqSegment('A!')).toThrow('not a Base64 VLQ digit');
    expect(() => decodeVlqSegment('g')).toThrow('unterminated');
  });
});

describe('bytesPerSource', () => {
  it('gives each segment the text up to the next segment, across lines', () => {
    // line 0: col 0 -> a.ts, col 4 -> b.ts; line 1: col 2 -> b.ts (source delta 0), col 5 -> a.ts (delta -1)
    const code = 'AAAABBBB\nxxBBBAA';
    const map = { sources: ['a.ts', 'b.ts'], mappings: 'AAAA,ICAA;EAAA,GDAA' };
    const totals = bytesPerSource(code, map);
    expect(totals.get('a.ts')).toBe(4 + 2);
    expect(totals.get('b.ts')).toBe(4 + 3);
    // the line break and the unmapped `xx`
    expect(totals.get(null)).toBe(1 + 2);
    const sum = [...totals.values()].reduce((a, b) => a + b, 0);
    expect(sum).toBe(Buffer.byteLength(code));
  });

  it('counts segments without a source and lines without mappings as glue', () => {
    const totals = bytesPerSource('abc\ndef', {
      sources: ['a.ts'],
      mappings: 'AAAA,C',
    });
    expect(totals.get('a.ts')).toBe(1);
    expect(totals.get(null)).toBe(2 + 1 + 3);
  });

  it('counts multi-byte characters in UTF-8 bytes', () => {
    const totals = bytesPerSource('é€', {
      sources: ['a.ts'],
      mappings: 'AAAA',
    });
    expect(totals.get('a.ts')).toBe(5);
  });
});
