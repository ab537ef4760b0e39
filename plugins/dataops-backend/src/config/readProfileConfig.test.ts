import { ConfigReader } from '@backstage/config';
import { DEFAULT_PROFILE_SELECTION } from '@dataops-observability/plugin-dataops-common';
import { readDataOpsConfig } from './readDataOpsConfig';

function read(env: Record<string, unknown>) {
  return readDataOpsConfig(
    new ConfigReader({ dataops: { environments: [{ name: 'prod', ...env }] } }),
  ).environments[0];
}

describe('environment exporter profiles and staleness bound', () => {
  it('defaults to the default stack and a 10-minute bound', () => {
    const prod = read({});
    expect(prod.profile!.layers).toEqual(DEFAULT_PROFILE_SELECTION);
    expect(prod.profile!.forEntityType('spark-job')).toEqual(
      DEFAULT_PROFILE_SELECTION,
    );
    expect(prod.staleAfterSeconds).toBe(600);
  });

  it('reads layers and per entity type overrides over them', () => {
    const prod = read({
      profile: {
        s3: 'minio-v3',
        entityTypes: { 'spark-job': { spark: 'spark-standalone' } },
      },
      staleAfterSeconds: 900,
    });
    expect(prod.profile!.layers.s3).toBe('minio-v3');
    expect(prod.profile!.layers.spark).toBe('spark-operator-jmx');
    expect(prod.profile!.forEntityType('spark-job')).toMatchObject({
      spark: 'spark-standalone',
      s3: 'minio-v3',
    });
    expect(prod.profile!.forEntityType('airflow-dag').spark).toBe(
      'spark-operator-jmx',
    );
    expect(prod.staleAfterSeconds).toBe(900);
  });

  it.each([
    [
      { profile: { s3: 'minio-v4' } },
      "Invalid dataops environment 'prod': unknown s3 profile 'minio-v4'; known: minio-v2, minio-v3",
    ],
    [
      { profile: { isilon: 'x' } },
      "Invalid dataops environment 'prod': unknown layer 'isilon'",
    ],
    [
      { profile: { entityTypes: { 'spark-job': { spark: 'ceph-mgr' } } } },
      "Invalid dataops environment 'prod': profile.entityTypes.spark-job: unknown spark profile 'ceph-mgr'",
    ],
    [
      { staleAfterSeconds: 5 },
      "Invalid dataops environment 'prod': staleAfterSeconds must be an integer between 30 and 86400",
    ],
  ])('stops start-up naming the bad item %#', (env, message) => {
    expect(() => read(env)).toThrow(message);
  });
});
