import type { DataOpsSource } from '@dataops-observability/plugin-dataops-node';
import { BUILT_IN_SOURCES } from './builtInSources';
import { SourceRegistry } from './SourceRegistry';

const source = (id: string): DataOpsSource => ({
  id,
  readConfig: () => undefined,
  createClient: () => ({}),
});

describe('SourceRegistry', () => {
  it('keeps sources in the order they were added', () => {
    const registry = new SourceRegistry();
    BUILT_IN_SOURCES.forEach(s => registry.extensionPoint.addSource(s));
    registry.extensionPoint.addSource(source('kafka-lag'));
    expect(registry.list().map(s => s.id)).toEqual([
      'thanos',
      'opensearch',
      'argocd',
      'alertmanager',
      'iceberg',
      'airflow',
      'sparkHistory',
      'kafka-lag',
    ]);
  });

  it('refuses a second source with the same id, and ids that are not names', () => {
    const registry = new SourceRegistry();
    registry.extensionPoint.addSource(source('thanos'));
    expect(() => registry.extensionPoint.addSource(source('thanos'))).toThrow(
      "The dataops source 'thanos' is added twice",
    );
    expect(() => registry.extensionPoint.addSource(source('a/b'))).toThrow(
      "Invalid dataops source id 'a/b'",
    );
  });
});
