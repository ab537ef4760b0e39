import { initialAssetsOf, sourceToFile } from './bundleAttribution';

describe('sourceToFile', () => {
  it('resolves bundler source names against the app package', () => {
    expect(
      sourceToFile(
        'webpack://app/../../plugins/dataops/src/plugin.ts',
        '/repo/packages/app',
      ),
    ).toBe('/repo/plugins/dataops/src/plugin.ts');
    expect(
      sourceToFile('webpack://app/./src/App.tsx?1a2b', '/repo/packages/app'),
    ).toBe('/repo/packages/app/src/App.tsx');
  });

  it('has no file for generated runtime sources', () => {
    expect(
      sourceToFile('webpack://app/webpack/runtime/jsonp', '/repo/packages/app'),
    ).toBeUndefined();
  });
});

describe('initialAssetsOf', () => {
  it('lists the scripts and styles index.html loads', () => {
    const html =
      '<script defer src="/static/runtime.1.js"></script><script defer="defer" src="/static/main.2.js"></script>' +
      '<link href="/static/vendor.3.css" rel="stylesheet"><link rel="manifest" href="/manifest.json">';
    expect([...initialAssetsOf(html)]).toEqual([
      'static/runtime.1.js',
      'static/main.2.js',
      'static/vendor.3.css',
    ]);
  });
});
