import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractVectorSelectors, renderQuery } from '../promql';
import { sliTemplateForEntityType } from '../slo';
import {
  DEFAULT_PROFILE_SELECTION,
  EXPORTER_PROFILES,
  PROFILE_LAYERS,
  resolveProfileSelection,
  sliTemplateFromProfile,
} from '.';

const IDENTITY = {
  dag_id: 'daily_sales',
  table: 'sales.orders',
  spark_app: 'daily-sales-etl',
  bucket: 'sales-lake',
  pool: 'rbd-warehouse',
  tablespace: 'SALES_TS',
  metastore: 'metastore',
};

/** `x_sum`, `x_count`, `x_bucket` belong to the summary or histogram family `x`. */
function family(name: string, known: Set<string>): string {
  if (known.has(name)) return name;
  const base = name.replace(/_(sum|count|bucket)$/, '');
  return known.has(base) ? base : name;
}

function metricOf(selector: string): string {
  return /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(selector)![0];
}

describe('exporter profiles', () => {
  it.each([...EXPORTER_PROFILES.values()].map(p => [p.id, p] as const))(
    '%s: every query renders and reads only series the profile lists',
    (_id, profile) => {
      const listed = new Set(profile.series.map(s => s.name));
      const templates = [
        ...Object.values(profile.queries),
        ...Object.values(profile.fallbacks ?? {}),
        ...(profile.sli
          ? [...profile.sli.goodEvents, ...profile.sli.totalEvents]
          : []),
      ];
      expect(templates.length).toBeGreaterThan(0);
      for (const template of templates) {
        const rendered = renderQuery(template, {
          matchers: [{ name: 'namespace', op: '=', value: 'team' }],
          identity: {
            ...IDENTITY,
            airflowDagId: 'daily_sales',
            sparkAppName: 'daily-sales-etl',
            icebergTable: 'sales.orders',
          },
        });
        for (const selector of extractVectorSelectors(rendered)) {
          expect(listed).toContain(family(metricOf(selector), listed));
          expect(selector).toContain('namespace="team"');
        }
      }
      expect(profile.sources.length).toBeGreaterThan(0);
    },
  );

  it('the default selection names one existing profile of the right layer per layer', () => {
    for (const layer of PROFILE_LAYERS) {
      expect(
        EXPORTER_PROFILES.get(DEFAULT_PROFILE_SELECTION[layer])?.layer,
      ).toBe(layer);
    }
  });

  it('reads the names the platform validation found, not invented ones', () => {
    const names = (id: string) =>
      EXPORTER_PROFILES.get(id)!.series.map(s => s.name);
    expect(names('spark-standalone')).toEqual(
      expect.arrayContaining([
        'metrics_master_aliveWorkers_Value',
        'metrics_master_apps_Value',
      ]),
    );
    expect(names('minio-v2')).toEqual(
      expect.arrayContaining([
        'minio_bucket_requests_ttfb_seconds_distribution',
        'minio_bucket_requests_4xx_errors_total',
        'minio_bucket_requests_5xx_errors_total',
      ]),
    );
    expect(names('ceph-mgr')).toEqual(
      expect.arrayContaining(['ceph_pool_stored', 'ceph_pool_max_avail']),
    );
  });

  it("reads Spark run durations from the operator's quantile-less summary, per application, under the operator only", () => {
    const operator = EXPORTER_PROFILES.get('spark-operator-jmx')!;
    expect(
      operator.series.filter(s => s.name.endsWith('_execution_time_seconds')),
    ).toEqual([
      expect.objectContaining({
        name: 'spark_application_success_execution_time_seconds',
        type: 'summary',
        labels: ['namespace', 'app'],
      }),
      expect.objectContaining({
        name: 'spark_application_failure_execution_time_seconds',
        type: 'summary',
        labels: ['namespace', 'app'],
      }),
    ]);
    const rendered = renderQuery(operator.queries['run-duration']!, {
      matchers: [
        { name: 'namespace', op: '=', value: 'spark' },
        { name: 'app', op: '=', value: 'daily-sales-etl' },
      ],
    });
    // Only _sum and _count exist: the operator's summaries have no objectives, so no quantile series.
    expect(extractVectorSelectors(rendered)).toEqual([
      'spark_application_success_execution_time_seconds_sum{namespace="spark",app="daily-sales-etl"}',
      'spark_application_success_execution_time_seconds_count{namespace="spark",app="daily-sales-etl"}',
    ]);
    expect(rendered).not.toContain('quantile');
    // Spark's own PrometheusServlet has no run durations: the panel is left out there.
    expect(
      EXPORTER_PROFILES.get('spark-standalone')!.queries['run-duration'],
    ).toBeUndefined();
  });

  it('overrides layers and names what is wrong', () => {
    const s = resolveProfileSelection(
      new Map([
        ['s3', 'minio-v3'],
        ['spark', 'spark-standalone'],
      ]),
    );
    expect(s.s3).toBe('minio-v3');
    expect(s.spark).toBe('spark-standalone');
    expect(s.ceph).toBe('ceph-mgr');
    expect(() =>
      resolveProfileSelection(new Map([['s3', 'ceph-mgr']])),
    ).toThrow("unknown s3 profile 'ceph-mgr'; known: minio-v2, minio-v3");
    expect(() => resolveProfileSelection(new Map([['isilon', 'x']]))).toThrow(
      "unknown layer 'isilon'",
    );
  });

  it('gives SLI templates that pass the SLI template check', () => {
    for (const type of ['spark-job', 'airflow-dag', 'iceberg-table']) {
      const template = sliTemplateFromProfile(type, DEFAULT_PROFILE_SELECTION)!;
      expect(template.entityType).toBe(type);
      expect(sliTemplateForEntityType(type, { [type]: template })).toBe(
        template,
      );
    }
    expect(
      sliTemplateFromProfile('spark-job', {
        ...DEFAULT_PROFILE_SELECTION,
        spark: 'spark-standalone',
      }),
    ).toBeUndefined();
  });
});

describe('docs/metrics-catalogue.md', () => {
  // The catalogue is what operators compare their exporters with: it must list every name the suite reads.
  const catalogue = readFileSync(
    resolve(__dirname, '../../../../docs/metrics-catalogue.md'),
    'utf8',
  );

  it.each([...EXPORTER_PROFILES.values()].map(p => [p.id, p] as const))(
    'lists profile %s and every series it reads',
    (id, profile) => {
      expect(catalogue).toContain(`\`${id}\``);
      for (const series of profile.series) {
        expect({
          id,
          series: series.name,
          listed: catalogue.includes(`\`${series.name}\``),
        }).toEqual({
          id,
          series: series.name,
          listed: true,
        });
      }
    },
  );
});
