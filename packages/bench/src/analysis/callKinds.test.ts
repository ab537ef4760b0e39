import { callKind, describeCalls } from './callKinds';

describe('call kinds', () => {
  it('names the Prometheus endpoint and other services by name', () => {
    expect(callKind('/env01/prometheus/api/v1/query_range')).toBe(
      'prometheus query_range',
    );
    expect(callKind('/env01/argocd/api/v1/applications/x')).toBe('argocd');
  });

  it('tells freshness probes from panel queries by their PromQL', () => {
    expect(
      callKind(
        '/env01/prometheus/api/v1/query_range',
        'label_replace(max(timestamp(up{a="b"})), "dataops_input", "0", "", "")',
      ),
    ).toBe('prometheus freshness probe');
    expect(
      callKind('/env01/prometheus/api/v1/query_range', 'sum(up{a="b"})'),
    ).toBe('prometheus query_range');
    expect(
      callKind(
        '/env01/prometheus/api/v1/query_range',
        '(sum(up{a="b"})) or label_replace(max(timestamp(up{a="b"})), "dataops_input", "0", "", "")',
      ),
    ).toBe('prometheus query_range');
  });

  it('summarises calls most frequent first', () => {
    const at = 0;
    expect(
      describeCalls([
        { at, path: '/env01/opensearch/logs-*/_search' },
        { at, path: '/env01/prometheus/api/v1/series' },
        { at, path: '/env02/prometheus/api/v1/series' },
      ]),
    ).toBe('prometheus series 2, opensearch 1');
    expect(describeCalls([])).toBe('none');
  });
});
