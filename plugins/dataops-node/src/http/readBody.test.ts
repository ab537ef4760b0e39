import { DataOpsSourceError } from '../extensions/DataOpsSourceError';
import { readBody } from './readBody';

/** An answer in chunks that records whether anything read it and whether it was released. */
function chunks(...parts: string[]) {
  const state = { read: 0, released: false };
  const body: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        async next() {
          state.read++;
          return i < parts.length
            ? { done: false, value: Buffer.from(parts[i++]) }
            : { done: true, value: undefined };
        },
        async return() {
          state.released = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
  return { body, state };
}

const signal = new AbortController().signal;
const options = { source: 'thanos', maxBytes: 10, signal };

describe('readBody', () => {
  it('joins the chunks of an answer within the limit', async () => {
    const { body } = chunks('{"a":', '1}');
    await expect(readBody(body, options)).resolves.toBe('{"a":1}');
  });

  it('refuses an answer that declares more than the limit without reading it', async () => {
    const { body, state } = chunks('x');
    const read = readBody(body, { ...options, contentLength: '11' });
    await expect(read).rejects.toThrow(
      'thanos answer is larger than 10 bytes (maxResponseBytes)',
    );
    await expect(read).rejects.toBeInstanceOf(DataOpsSourceError);
    expect(state).toEqual({ read: 0, released: true });
  });

  it('stops reading as soon as an answer grows past the limit', async () => {
    const { body, state } = chunks('12345', '67890', 'X', 'never read');
    await expect(readBody(body, options)).rejects.toMatchObject({
      type: 'BAD_RESPONSE',
      source: 'thanos',
    });
    expect(state).toEqual({ read: 3, released: true });
  });

  it('counts a compressed answer by what it decompresses to, not its Content-Length', async () => {
    const { body } = chunks('{"a":1}');
    await expect(
      readBody(body, {
        ...options,
        contentLength: '999',
        contentEncoding: 'gzip',
      }),
    ).resolves.toBe('{"a":1}');
  });
});
