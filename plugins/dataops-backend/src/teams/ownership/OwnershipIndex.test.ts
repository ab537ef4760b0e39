import type { Entity } from '@backstage/catalog-model';
import { OWNERSHIP_ENTITIES } from '../../__testUtils__';
import { GroupTree } from './GroupTree';
import { OwnershipIndex } from './OwnershipIndex';

const groups = OWNERSHIP_ENTITIES.filter(e => e.kind === 'Group');
const owned = OWNERSHIP_ENTITIES.filter(e => e.kind !== 'Group');
const IDENTIFYING = ['namespace', 'app', 'job'];
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);

const component = (name: string, owner: string, selector: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'dataops.io/prometheus-selector': selector },
  },
  spec: { type: 'spark-job', owner, lifecycle: 'production' },
});

const indexOf = (entities: Entity[], envs = ['dev', 'prod']) =>
  new OwnershipIndex(entities, {
    environments: envs,
    identifyingLabels: () => IDENTIFYING,
  });

/** The gaming selector: many always-true matchers, no identifying equality. */
const GAMING =
  'alertname=~".+",a=~".*",b=~".*",c=~".*",d=~".*",e=~".*",f=~".*",severity!="x"';

describe('OwnershipIndex', () => {
  const index = indexOf(owned);

  it('matches by backstage_entity first, then the most specific selector in a matching environment', () => {
    expect(
      index.targets(
        {
          backstage_entity: 'Resource:default/Sales-Orders',
          namespace: 'spark',
        },
        'prod',
      ),
    ).toEqual([
      {
        entityRef: 'resource:default/sales-orders',
        owner: 'group:default/sales-data',
      },
    ]);
    // daily-sales-etl names namespace and app; spark-platform only the namespace.
    expect(
      index.targets({ namespace: 'spark', app: 'daily-sales-etl' }, 'dev'),
    ).toEqual([
      {
        entityRef: 'component:default/daily-sales-etl',
        owner: 'group:default/sales-data',
      },
    ]);
    expect(index.targets({ namespace: 'spark', app: 'n1' }, 'dev')).toEqual([
      {
        entityRef: 'component:default/spark-platform',
        owner: 'group:default/platform',
      },
    ]);
    // marketing-attribution runs only in dev.
    const dag = { namespace: 'airflow', app: 'marketing-attribution' };
    expect(index.targets(dag, 'dev')).toHaveLength(1);
    expect(index.targets(dag, 'prod')).toEqual([]);
  });

  it('lets a gaming selector of always-true matchers own nothing, and does not let it hide the real owner', () => {
    const gamed = indexOf([...owned, component('greedy', 'platform', GAMING)]);
    const alerts = [
      {
        alertname: 'SparkJobFailing',
        namespace: 'spark',
        app: 'daily-sales-etl',
      },
      { alertname: 'Orphan', severity: 'critical' },
      { alertname: 'Other', namespace: 'kube-system', job: 'kubelet' },
    ];
    for (const env of ['dev', 'prod']) {
      for (const labels of alerts) {
        expect(gamed.targets(labels, env).map(t => t.entityRef)).not.toContain(
          'component:default/greedy',
        );
      }
      expect(gamed.targets(alerts[0], env)).toEqual(
        index.targets(alerts[0], env),
      );
    }
    // Adding always-true regexes to a real claim does not make it more specific either.
    const padded = indexOf([
      component('a', 'sales-data', 'namespace="spark",app=~".*",x=~".*"'),
      component('b', 'platform', 'namespace="spark"'),
    ]);
    expect(
      padded
        .targets({ namespace: 'spark', app: 'z' }, 'dev')
        .map(t => t.entityRef),
    ).toEqual(['component:default/a', 'component:default/b']);
  });

  it('returns every equally specific claim, sorted, for callers to treat as ambiguous', () => {
    const twins = indexOf([
      component('twin-b', 'platform', 'namespace="etl",app="loader"'),
      component('twin-a', 'sales-data', 'app="loader",namespace="etl"'),
    ]);
    expect(
      twins
        .targets({ namespace: 'etl', app: 'loader' }, 'dev')
        .map(t => t.entityRef),
    ).toEqual(['component:default/twin-a', 'component:default/twin-b']);
  });

  it('counts only the identifying labels the environment declares', () => {
    const byTeam = new OwnershipIndex(
      [component('t', 'platform', 'team="x"')],
      {
        environments: ['dev', 'prod'],
        identifyingLabels: env => (env === 'dev' ? ['team'] : IDENTIFYING),
      },
    );
    expect(byTeam.targets({ team: 'x' }, 'dev')).toHaveLength(1);
    expect(byTeam.targets({ team: 'x' }, 'prod')).toEqual([]);
  });

  it.each(PROTOTYPE_KEYS)('treats the label name and value %s as data', key => {
    const labels = Object.assign(Object.create(null), {
      [key]: key,
      namespace: key,
      app: key,
      backstage_entity: key,
    });
    expect(() => index.targets(labels, 'dev')).not.toThrow();
    expect(index.targets({ namespace: key }, key)).toEqual([]);
    expect(index.targets({ [key]: 'spark' }, 'dev')).toEqual([]);
  });

  it('lists the owning groups', () => {
    expect(index.owningGroups()).toEqual([
      'group:default/marketing-analytics',
      'group:default/platform',
      'group:default/sales-data',
    ]);
  });
});

describe('GroupTree', () => {
  it('walks the group tree from spec.parent and spec.children, surviving cycles', () => {
    const cyclic: Entity = {
      ...groups[0],
      spec: { type: 'org', parent: 'sales-data', children: [] },
    };
    const tree = new GroupTree([cyclic, ...groups.slice(1)]);
    expect(
      tree.groupAndDescendants('group:default/data-engineering').sort(),
    ).toEqual([
      'group:default/data-engineering',
      'group:default/marketing-analytics',
      'group:default/sales-data',
    ]);
    expect(() => tree.groupAndDescendants('group:default/ghosts')).toThrow(
      /No group/,
    );
  });
});
