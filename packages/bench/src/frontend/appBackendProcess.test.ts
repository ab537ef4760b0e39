import { relocateAppConfig } from './appBackendProcess';

describe('relocateAppConfig', () => {
  const config = [
    'app:',
    '  baseUrl: http://localhost:3000',
    'backend:',
    '  baseUrl: http://localhost:7007',
    '  listen:',
    '    port: 7007',
    '  cors:',
    '    origin: http://localhost:3000',
    'dataops:',
    '  environments:',
    '    - thanos: { url: http://127.0.0.1:7100/dev/prometheus }',
    '      argocd: [{ url: http://127.0.0.1:7100/dev/argocd }]',
  ].join('\n');

  it('moves app, backend and every sandbox URL off the development ports', () => {
    const moved = relocateAppConfig(config, 41000, 'http://127.0.0.1:42000');
    expect(moved).not.toMatch(/3000|7007|7100/);
    expect(moved).toContain('  baseUrl: http://localhost:41000');
    expect(moved).toContain('    port: 41000');
    expect(moved).toContain('    origin: http://localhost:41000');
    expect(moved).toContain('http://127.0.0.1:42000/dev/prometheus');
    expect(moved).toContain('http://127.0.0.1:42000/dev/argocd');
  });
});
