import { createDataOpsSource } from './createDataOpsSource';
import { dataopsSourcesExtensionPoint } from './extensionPoints';

describe('sources extension point', () => {
  it('is exposed under the plugin id', () => {
    expect(dataopsSourcesExtensionPoint.id).toBe('dataops.sources');
  });

  it('declares a source as given, inferring its client type', () => {
    const source = {
      id: 'toy',
      readConfig: () => ({ url: 'http://toy' }),
      createClient: (config: { url: string }) => ({ base: config.url }),
    };
    const declared = createDataOpsSource(source);
    expect(declared).toBe(source);
    // Typed: a view's ctx.source(declared) is `{ base: string }`.
    const client: { base: string } = declared.createClient(
      { url: 'http://toy' },
      { envName: 'dev', timeoutMs: 1, maxResponseBytes: 1 },
    );
    expect(client.base).toBe('http://toy');
  });
});
