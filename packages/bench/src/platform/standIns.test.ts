import { numberedEnvironments, toSandboxPath } from './standIns';

describe('numbered environments', () => {
  it('names environments env01..envNN', () => {
    expect(numberedEnvironments(3)).toEqual(['env01', 'env02', 'env03']);
    expect(numberedEnvironments(30)[29]).toBe('env30');
  });

  it('maps them round-robin onto the sandbox environments, stage first', () => {
    expect(toSandboxPath('/env01/prometheus/api/v1/series?match[]=up')).toBe(
      '/stage/prometheus/api/v1/series?match[]=up',
    );
    expect(toSandboxPath('/env02/argocd/api/v1/applications')).toBe(
      '/prod/argocd/api/v1/applications',
    );
    expect(toSandboxPath('/env03/opensearch/_search')).toBe(
      '/dev/opensearch/_search',
    );
    expect(toSandboxPath('/env04/iceberg/v1/config')).toBe(
      '/stage/iceberg/v1/config',
    );
    expect(toSandboxPath('/dev/alertmanager/api/v2/alerts')).toBe(
      '/dev/alertmanager/api/v2/alerts',
    );
  });
});
