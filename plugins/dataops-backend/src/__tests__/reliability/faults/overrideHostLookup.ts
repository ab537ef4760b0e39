import dns from 'node:dns';

type Lookup = typeof dns.lookup;

/**
 * Makes `hostname` resolve to `address` in this process until the returned function is called, as if its
 * DNS record had just been created. The unknown-host case uses it to "repair" a `.invalid` name after
 * the real resolver refused it; both `fetch` and the OpenSearch client resolve through `dns.lookup`.
 */
export function overrideHostLookup(
  hostname: string,
  address: string,
): () => void {
  const original = dns.lookup;
  const patched = ((name: string, options: any, callback?: any) => {
    const done = typeof options === 'function' ? options : callback;
    const opts = typeof options === 'object' && options ? options : {};
    if (name !== hostname) {
      return (original as any)(name, options, callback);
    }
    if (opts.all) {
      return process.nextTick(done, null, [{ address, family: 4 }]);
    }
    return process.nextTick(done, null, address, 4);
  }) as Lookup;
  dns.lookup = patched;
  return () => {
    dns.lookup = original;
  };
}
