import { screen, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { FlatRoutes } from '@backstage/core-app-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  catalogPlugin,
  CatalogEntityPage,
  DefaultEntityPresentationApi,
  EntityLayout,
  EntitySwitch,
  isKind,
} from '@backstage/plugin-catalog';
import {
  catalogApiRef,
  entityPresentationApiRef,
  MockStarredEntitiesApi,
  starredEntitiesApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  dataOpsPlugin,
  EntityDataOpsAlertsCard,
  EntityDataOpsDeploymentsContent,
  EntityDataOpsLogsContent,
  EntityDataOpsMetricsContent,
  EntityDataOpsObservabilityContent,
  EntityDataOpsSloContent,
} from './plugin';
import { dataOpsApiRef } from './api';
import { fakeDataOpsApi } from './__testUtils__/fakeDataOpsApi';
import { icebergTable, sparkJob } from './__testUtils__/fixtures';

describe('legacy plugin', () => {
  it('registers the dataops plugin with its API and routes', () => {
    expect(dataOpsPlugin.getId()).toBe('dataops');
    expect(Array.from(dataOpsPlugin.getApis()).map(a => a.api.id)).toEqual([
      'plugin.dataops.service',
    ]);
    expect(Object.keys(dataOpsPlugin.routes).sort()).toEqual([
      'deployments',
      'fleet',
      'inventory',
      'logs',
      'metrics',
      'observability',
      'runs',
      'slo',
      'storage',
    ]);
    expect(EntityDataOpsMetricsContent).toBeDefined();
    expect(EntityDataOpsAlertsCard).toBeDefined();
    expect(EntityDataOpsSloContent).toBeDefined();
  });
});

/**
 * An adopter's entity page: the DataOps tabs at paths of their own choosing, the same tabs in two
 * `EntitySwitch` cases (each at the same path in both), and no Deployments tab for resources.
 */
const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('resource')}>
      <EntityLayout>
        <EntityLayout.Route path="/obs" title="Observability">
          <EntityDataOpsObservabilityContent />
        </EntityLayout.Route>
        <EntityLayout.Route path="/charts" title="Metrics">
          <EntityDataOpsMetricsContent />
        </EntityLayout.Route>
      </EntityLayout>
    </EntitySwitch.Case>
    <EntitySwitch.Case>
      <EntityLayout>
        <EntityLayout.Route path="/obs" title="Observability">
          <EntityDataOpsObservabilityContent />
        </EntityLayout.Route>
        <EntityLayout.Route path="/charts" title="Metrics">
          <EntityDataOpsMetricsContent />
        </EntityLayout.Route>
        <EntityLayout.Route path="/logs" title="Logs">
          <EntityDataOpsLogsContent />
        </EntityLayout.Route>
        <EntityLayout.Route path="/argo" title="Deployments">
          <EntityDataOpsDeploymentsContent />
        </EntityLayout.Route>
      </EntityLayout>
    </EntitySwitch.Case>
  </EntitySwitch>
);

// The entity page's context menu asks for permissions; the factory carries the API's ref.
const permissionApi = mockApis.permission.factory();

function renderApp(path: string) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApiMock({ entities: [sparkJob, icebergTable] })],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
        [permissionApi.api, mockApis.permission()],
        [entityPresentationApiRef, DefaultEntityPresentationApi.createLocal()],
        [dataOpsApiRef, fakeDataOpsApi()],
      ]}
    >
      <FlatRoutes>
        <Route
          path="/catalog/:namespace/:kind/:name"
          element={<CatalogEntityPage />}
        >
          {entityPage}
        </Route>
      </FlatRoutes>
    </TestApiProvider>,
    {
      routeEntries: [path],
      // The entity header links back to the catalog index.
      mountedRoutes: { '/catalog': catalogPlugin.routes.catalogIndex },
    },
  );
}

/** The first render loads every lazy part of the page, which takes a while on a busy machine. */
const FIRST_RENDER = { timeout: 10_000 };
const SLOW_TEST_MS = 30_000;

const linkOf = (cell: string) =>
  within(screen.getByTestId(cell)).queryByRole('link');

describe('links between tabs in the legacy frontend system', () => {
  it(
    "follows the adopter's EntityLayout paths under the parametrised entity route",
    async () => {
      await renderApp(
        '/catalog/default/component/daily-sales-etl/obs?range=24h',
      );
      expect(
        await screen.findByText('OutOfSync for 12 min', {}, FIRST_RENDER),
      ).toBeInTheDocument();
      const base = '/catalog/default/component/daily-sales-etl';
      expect(linkOf('cell-metrics-stage')).toHaveAttribute(
        'href',
        `${base}/charts?range=24h&env=stage`,
      );
      expect(linkOf('cell-logs-dev')).toHaveAttribute(
        'href',
        `${base}/logs?range=24h&env=dev`,
      );
      expect(linkOf('cell-deployments-stage')).toHaveAttribute(
        'href',
        `${base}/argo?range=24h&env=stage`,
      );
      expect(linkOf('cell-alerts-stage')).toHaveAttribute(
        'href',
        `${base}/obs?range=24h&env=stage#dataops-alerts`,
      );
      // No SLO tab on this entity page: its cells are plain text.
      expect(linkOf('cell-slo-dev')).toBeNull();
    },
    SLOW_TEST_MS,
  );

  it(
    'resolves the same tabs for another entity kind and entity',
    async () => {
      await renderApp('/catalog/default/resource/sales-daily-orders/obs');
      expect(
        await screen.findByText('OutOfSync for 12 min', {}, FIRST_RENDER),
      ).toBeInTheDocument();
      expect(linkOf('cell-metrics-dev')).toHaveAttribute(
        'href',
        '/catalog/default/resource/sales-daily-orders/charts?env=dev',
      );
    },
    SLOW_TEST_MS,
  );
});
