import type { MonitoringBundleSpec } from './types';

// Broad patterns such as `logs-*` are shared by every team; a more specific pattern must win when several
// ISM templates or index templates match an index, so the priority grows with the pattern's length.
function patternPriority(pattern: string): number {
  return 100 + pattern.replace(/\*/g, '').length;
}

/**
 * OpenSearch Index State Management policy for the workload's log indices: hot, then cold (no replicas,
 * cold nodes) after `logHotDays`, deleted after `logRetentionDays`; attached to new indices by its
 * `ism_template`. Body of `PUT _plugins/_ism/policies/<id>`.
 * @public
 */
export function buildIsmPolicy(
  spec: MonitoringBundleSpec,
  env: string,
): Record<string, unknown> {
  return {
    policy: {
      description: `Log retention of ${spec.entityRef} in ${env}: hot ${spec.logHotDays}d, cold until ${spec.logRetentionDays}d, then deleted`,
      default_state: 'hot',
      states: [
        {
          name: 'hot',
          actions: [],
          transitions: [
            {
              state_name: 'cold',
              conditions: { min_index_age: `${spec.logHotDays}d` },
            },
          ],
        },
        {
          name: 'cold',
          actions: [
            { replica_count: { number_of_replicas: 0 } },
            { allocation: { require: { temp: 'cold' }, wait_for: false } },
          ],
          transitions: [
            {
              state_name: 'delete',
              conditions: { min_index_age: `${spec.logRetentionDays}d` },
            },
          ],
        },
        { name: 'delete', actions: [{ delete: {} }], transitions: [] },
      ],
      ism_template: [
        {
          index_patterns: [spec.logIndex],
          priority: patternPriority(spec.logIndex),
        },
      ],
    },
  };
}

/**
 * Index template for the workload's log indices: hot-node allocation for new indices and the fields the
 * Logs tab reads. Body of `PUT _index_template/<name>`.
 * @public
 */
export function buildIndexTemplate(
  spec: MonitoringBundleSpec,
  env: string,
): Record<string, unknown> {
  return {
    index_patterns: [spec.logIndex],
    priority: patternPriority(spec.logIndex),
    template: {
      settings: {
        'index.routing.allocation.require.temp': 'hot',
        'index.number_of_replicas': env === 'prod' ? 1 : 0,
      },
      mappings: {
        properties: {
          '@timestamp': { type: 'date' },
          level: { type: 'keyword' },
          message: { type: 'text' },
        },
      },
    },
    _meta: {
      backstage_entity: spec.entityRef,
      owner: spec.owner,
      env,
    },
  };
}
