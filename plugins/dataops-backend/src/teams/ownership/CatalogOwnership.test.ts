import type { Entity } from '@backstage/catalog-model';
import { OWNERSHIP_ENTITIES } from '../../__testUtils__';
import { CatalogOwnership, parseGroupRef } from './CatalogOwnership';

const groups = OWNERSHIP_ENTITIES.filter(e => e.kind === 'Group');
const owned = OWNERSHIP_ENTITIES.filter(e => e.kind !== 'Group');

describe('CatalogOwnership', () => {
  const ownership = new CatalogOwnership(groups, owned, ['dev', 'prod']);

  it('matches by backstage_entity first, then the most specific selector in a matching environment', () => {
    expect(
      ownership.targets(
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
    expect(
      ownership.targets({ namespace: 'spark', app: 'daily-sales-etl' }, 'dev'),
    ).toEqual([
      {
        entityRef: 'component:default/daily-sales-etl',
        owner: 'group:default/sales-data',
      },
    ]);
    // marketing-attribution runs only in dev.
    const dag = { namespace: 'airflow', app: 'marketing-attribution' };
    expect(ownership.targets(dag, 'dev')).toHaveLength(1);
    expect(ownership.targets(dag, 'prod')).toEqual([]);
    // An env label naming another environment keeps the alert from matching.
    expect(ownership.targets({ ...dag, env: 'prod' }, 'dev')).toEqual([]);
  });

  it('walks the group tree from spec.parent and spec.children, surviving cycles', () => {
    const cyclic: Entity = {
      ...groups[0],
      spec: { type: 'org', parent: 'sales-data', children: [] },
    };
    const tree = new CatalogOwnership([cyclic, ...groups.slice(1)], owned, [
      'dev',
    ]);
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
    expect(ownership.owningGroups()).toEqual([
      'group:default/marketing-analytics',
      'group:default/platform',
      'group:default/sales-data',
    ]);
  });

  it('accepts only group refs as owners', () => {
    expect(parseGroupRef('Group:default/Sales-Data')).toBe(
      'group:default/sales-data',
    );
    expect(parseGroupRef('group:sales-data')).toBe('group:default/sales-data');
    expect(() => parseGroupRef('user:default/ana')).toThrow(
      /expected a group ref/,
    );
  });
});
