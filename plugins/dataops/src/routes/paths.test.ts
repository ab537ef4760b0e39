import { entityBasePath, tabLink } from './paths';

describe('tab links', () => {
  it('finds the entity page from a tab or from the page itself', () => {
    expect(
      entityBasePath('/catalog/default/component/etl/dataops-metrics'),
    ).toBe('/catalog/default/component/etl');
    expect(entityBasePath('/catalog/default/component/etl/dataops/')).toBe(
      '/catalog/default/component/etl',
    );
    expect(entityBasePath('/catalog/default/component/etl')).toBe(
      '/catalog/default/component/etl',
    );
    expect(
      entityBasePath('/catalog/default/component/dataops-logs-shipper'),
    ).toBe('/catalog/default/component/dataops-logs-shipper');
  });

  it('builds a link to a sibling tab with the search params', () => {
    const search = new URLSearchParams([
      ['env', 'dev'],
      ['env', 'prod'],
      ['range', '24h'],
    ]);
    expect(
      tabLink('/catalog/default/component/etl/dataops', 'logs', search),
    ).toBe(
      '/catalog/default/component/etl/dataops-logs?env=dev&env=prod&range=24h',
    );
    expect(tabLink('/catalog/default/component/etl', 'overview')).toBe(
      '/catalog/default/component/etl/dataops',
    );
  });
});
