import { layerAlertExpression } from '@dataops-observability/plugin-scaffolder-backend-module-dataops';
import { Evaluator } from '../promql';
import { Faults, loadCatalog, Scenario } from '../scenario';
import { generateSeries } from './generateSeries';
import { MemorySource } from './MemorySource';

const anchor = Math.floor(Date.now() / 60000) * 60000;
const scenario = new Scenario(loadCatalog(), anchor, new Faults('none', ''));
const evaluator = (env: 'dev' | 'stage' | 'prod') => new Evaluator(new MemorySource(generateSeries(scenario, env)));

// The scaffolder's generated OOM alert as it ships; the CPU alert's ratio is written out with its threshold
// left out so every pod's ratio is visible.
const OOM_KILLED = layerAlertExpression('DataOpsOomKilled');
const CPU_RATIO =
  'sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!=""}[5m])) / ' +
  'sum by (namespace, pod, container) (kube_pod_container_resource_limits{resource="cpu",unit="core"})';

function vector(env: 'dev' | 'stage' | 'prod', query: string) {
  const value = evaluator(env).instant(query, anchor);
  if (value.type !== 'vector') throw new Error(`expected a vector from ${query}`);
  return value.series;
}

describe('pod series for the generated alerts', () => {
  it('has one OOM-killed, restarting container: the crash-looping stage driver', () => {
    const stage = vector('stage', OOM_KILLED);
    expect(stage).toHaveLength(1);
    expect(stage[0].labels.pod).toMatch(/^clickstream-sessionizer-driver-/);
    expect(stage[0].labels.container).toBe('spark-kubernetes-driver');
    expect(vector('prod', OOM_KILLED)).toEqual([]);
    expect(vector('dev', OOM_KILLED)).toEqual([]);
  });

  it('gives every Spark and Airflow container a CPU limit to compare usage with', () => {
    for (const env of ['dev', 'stage', 'prod'] as const) {
      const ratios = vector(env, CPU_RATIO);
      const pods = vector(env, 'count by (namespace, pod, container) (container_cpu_usage_seconds_total)');
      expect(ratios).toHaveLength(pods.length);
      for (const r of ratios) {
        expect(r.v).toBeGreaterThan(0);
        expect(r.v).toBeLessThan(0.9);
      }
    }
  });
});
