import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  MockFetchApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { DataOpsClient, dataOpsApiRef } from '../api';
import { LocationDisplay } from './LocationDisplay';

export const TEST_BASE_URL = 'http://backstage.test/api/dataops';

/**
 * Renders a tab as the entity page would, with the real client talking to msw handlers, at the given URL;
 * `showLocation` adds the current URL under it as `data-testid="location"`.
 */
export function renderWithEntity(
  element: ReactElement,
  options: { entity: Entity; route?: string; showLocation?: boolean },
) {
  const client = new DataOpsClient({
    discoveryApi: { getBaseUrl: async () => TEST_BASE_URL },
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <TestApiProvider apis={[[dataOpsApiRef, client]]}>
      <EntityProvider entity={options.entity}>
        {element}
        {options.showLocation && <LocationDisplay />}
      </EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: [
        options.route ?? '/catalog/default/component/daily-sales-etl/dataops',
      ],
    },
  );
}
