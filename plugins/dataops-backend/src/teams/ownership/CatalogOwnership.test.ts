import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OWNERSHIP_ENTITIES } from '../../__testUtils__';
import {
  CatalogOwnership,
  OWNERSHIP_TTL_MS,
  parseGroupRef,
} from './CatalogOwnership';

function setup() {
  const catalog = catalogServiceMock({ entities: OWNERSHIP_ENTITIES });
  const query = jest.spyOn(catalog, 'queryEntities');
  const getEntities = jest.spyOn(catalog, 'getEntities');
  let now = 1_000_000;
  const ownership = new CatalogOwnership({
    catalog,
    serviceCredentials: async () => mockCredentials.service(),
    environments: ['dev'],
    identifyingLabels: () => ['namespace', 'app'],
    now: () => now,
  });
  return {
    ownership,
    query,
    getEntities,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CatalogOwnership', () => {
  it('reads the index with filtered, field-limited, paged queries and reuses it for a short while', async () => {
    const { ownership, query, getEntities, advance } = setup();
    const [a, b] = await Promise.all([ownership.index(), ownership.index()]);
    expect(a).toBe(b);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0][0]).toMatchObject({
      filter: { kind: ['Component', 'Resource'] },
      limit: 500,
      fields: expect.arrayContaining(['metadata.annotations', 'spec.owner']),
    });
    expect(getEntities).not.toHaveBeenCalled();
    advance(OWNERSHIP_TTL_MS - 1);
    expect(await ownership.index()).toBe(a);
    advance(1);
    expect(await ownership.index()).not.toBe(a);
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('reads groups only for the group tree, with the given credentials', async () => {
    const { ownership, query } = setup();
    const credentials = mockCredentials.user('user:default/ana');
    const tree = await ownership.groupTree(credentials);
    expect(
      tree.groupAndDescendants('group:default/data-engineering'),
    ).toHaveLength(3);
    expect(query.mock.calls[0][0]).toMatchObject({ filter: { kind: 'Group' } });
    expect(query.mock.calls[0][1]).toEqual({ credentials });
  });

  it('tells which entities the caller can see', async () => {
    const { ownership } = setup();
    const visible = await ownership.visibleEntities(
      ['Component:default/Daily-Sales-Etl', 'component:default/ghost'],
      mockCredentials.user(),
    );
    expect([...visible]).toEqual(['component:default/daily-sales-etl']);
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
