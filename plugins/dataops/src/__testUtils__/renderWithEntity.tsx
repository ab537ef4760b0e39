import { ReactElement, ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { Entity } from '@backstage/catalog-model';
import { attachComponentData, RouteRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  MockFetchApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { DataOpsClient, dataOpsApiRef } from '../api';
import { DataOpsTab, DEFAULT_TAB_PATHS, TAB_ROUTE_REFS } from '../tabs';
import { LocationDisplay } from './LocationDisplay';

export const TEST_BASE_URL = 'http://backstage.test/api/dataops';

/** Where each tab is mounted on the entity page; a tab left out is not mounted at all. */
export type TabMounts = Partial<Record<DataOpsTab, string>>;

/** Route elements the legacy app collects its route tree from, without rendering anything. */
function RouteTree(_props: { children: ReactNode }) {
  return null;
}

/** A stand-in page that the legacy routing sees as mounting `routeRef`. */
function mountPointFor(routeRef: RouteRef) {
  const MountPoint = () => null;
  attachComponentData(MountPoint, 'core.mountPoint', routeRef);
  return <MountPoint />;
}

/**
 * Route tree of a legacy entity page: the catalog's entity route with the DataOps tabs under it, as an
 * `EntityLayout` mounts them.
 */
function entityPageRoutes(tabs: TabMounts) {
  return (
    <RouteTree>
      <Route
        path="/catalog/:namespace/:kind/:name"
        element={mountPointFor(entityRouteRef)}
      >
        {Object.entries(tabs).map(([tab, path]) => (
          <Route
            key={tab}
            path={path}
            element={mountPointFor(TAB_ROUTE_REFS[tab as DataOpsTab])}
          />
        ))}
      </Route>
    </RouteTree>
  );
}

/**
 * Renders a tab as the entity page would, with the real client talking to msw handlers, at the given URL;
 * `showLocation` adds the current URL under it as `data-testid="location"`. The app's route tree mounts the
 * tabs at `tabs` (the default paths unless given), so links between tabs resolve as in a real app.
 */
export function renderWithEntity(
  element: ReactElement,
  options: {
    entity: Entity;
    route?: string;
    showLocation?: boolean;
    tabs?: TabMounts;
  },
) {
  const client = new DataOpsClient({
    discoveryApi: { getBaseUrl: async () => TEST_BASE_URL },
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <>
      {entityPageRoutes(options.tabs ?? DEFAULT_TAB_PATHS)}
      <TestApiProvider apis={[[dataOpsApiRef, client]]}>
        <EntityProvider entity={options.entity}>
          {element}
          {options.showLocation && <LocationDisplay />}
        </EntityProvider>
      </TestApiProvider>
    </>,
    {
      routeEntries: [
        options.route ?? '/catalog/default/component/daily-sales-etl/dataops',
      ],
    },
  );
}
