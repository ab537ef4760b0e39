import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { Entity } from '@backstage/catalog-model';
import { getComponentData } from '@backstage/core-plugin-api';
import {
  AppNode,
  appTreeApiRef,
  coreExtensionData,
  PageBlueprint,
  useApi,
} from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AREAS } from '@dataops-observability/plugin-dataops-common';
import * as legacyExports from '../plugin';
import { dataOpsInventoryRouteRef } from '../routes';
import * as alphaExports from '../alpha';
import { dataOpsRoutes } from '../alpha/routes';
import { dataOpsApiRef } from '../api';
import { ObservabilityTab } from '../components/ObservabilityTab';
import { fakeDataOpsApi } from '../__testUtils__/fakeDataOpsApi';
import {
  alertsResponse,
  icebergTable,
  plainService,
  sparkJob,
  summaryResponse,
} from '../__testUtils__/fixtures';
import {
  renderWithEntity,
  TEST_BASE_URL,
} from '../__testUtils__/renderWithEntity';
import { AREA_TABS, DEFAULT_TAB_PATHS, TAB_DEFINITIONS } from '.';

/** The first render of a whole app loads every lazy part of the page, which takes a while on a busy machine. */
const FIRST_RENDER = { timeout: 10_000 };
const SLOW_TEST_MS = 30_000;

/**
 * A service outside the suite's entity types that opted in with a Prometheus selector only: the Overview and
 * Metrics apply, while Logs, Deployments, SLO (no objective, not a suite type) and Storage do not.
 */
const metricsOnlyService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-api',
    namespace: 'default',
    annotations: { 'dataops.io/prometheus-selector': 'app="checkout-api"' },
  },
  spec: { type: 'service', owner: 'shop', lifecycle: 'production' },
};
const CHECKOUT_PAGE = '/catalog/default/component/checkout-api';

const linkOf = (cell: string) =>
  within(screen.getByTestId(cell)).queryByRole('link');

describe('the tab table', () => {
  it('gives every tab its own id, name and path', () => {
    const unique = (values: string[]) => new Set(values).size;
    expect(unique(TAB_DEFINITIONS.map(t => t.id))).toBe(TAB_DEFINITIONS.length);
    expect(unique(TAB_DEFINITIONS.map(t => t.name))).toBe(
      TAB_DEFINITIONS.length,
    );
    expect(unique(TAB_DEFINITIONS.map(t => t.defaultPath))).toBe(
      TAB_DEFINITIONS.length,
    );
  });

  it('explains every Overview area in exactly one tab', () => {
    expect(TAB_DEFINITIONS.map(t => t.area).sort()).toEqual([...AREAS].sort());
    for (const tab of TAB_DEFINITIONS) expect(AREA_TABS[tab.area]).toBe(tab.id);
  });

  it("takes the suggested paths from the table's rows", () => {
    expect(DEFAULT_TAB_PATHS).toEqual(
      Object.fromEntries(TAB_DEFINITIONS.map(t => [t.id, t.defaultPath])),
    );
  });
});

describe('the legacy frontend system', () => {
  it("registers exactly the table's route refs, under the tabs' names, and the inventory and fleet pages'", () => {
    const { routes } = legacyExports.dataOpsPlugin;
    expect(Object.keys(routes)).toEqual([
      ...TAB_DEFINITIONS.map(t => t.name),
      'inventory',
      'fleet',
    ]);
    expect(routes.inventory).toBe(dataOpsInventoryRouteRef);
    for (const tab of TAB_DEFINITIONS)
      expect(routes[tab.name as keyof typeof routes]).toBe(tab.routeRef);
  });

  it('exports exactly one routable extension per tab, mounted with its route ref', () => {
    const tabExports = Object.entries(legacyExports).filter(([name]) =>
      /^EntityDataOps\w+Content$/.test(name),
    );
    const tabOfExport = (name: string) =>
      TAB_DEFINITIONS.find(
        t =>
          `entitydataops${t.name}content` === name.toLocaleLowerCase('en-US'),
      );
    expect(tabExports).toHaveLength(TAB_DEFINITIONS.length);
    for (const [name, Extension] of tabExports) {
      const tab = tabOfExport(name);
      expect(tab).toBeDefined();
      const Component = Extension as () => JSX.Element;
      expect(getComponentData(<Component />, 'core.mountPoint')).toBe(
        tab!.routeRef,
      );
    }
  });
});

/** The new frontend system's app tree, as a real app with the catalog and this plugin builds it. */
async function installedDataOpsContents(): Promise<AppNode[]> {
  let nodes: AppNode[] = [];
  function AppTreeProbe() {
    nodes = [...useApi(appTreeApiRef).getTree().tree.nodes.values()];
    return <p>app tree read</p>;
  }
  renderTestApp({
    features: [catalogPlugin, alphaExports.default],
    extensions: [
      PageBlueprint.make({
        name: 'app-tree-probe',
        params: { path: '/probe', loader: async () => <AppTreeProbe /> },
      }),
    ],
    apis: [
      [catalogApiRef, catalogApiMock({ entities: [] })],
      [dataOpsApiRef, fakeDataOpsApi()],
    ],
    config: {
      app: { baseUrl: 'http://localhost:3000' },
      backend: { baseUrl: 'http://localhost:7007' },
    },
    initialRouteEntries: ['/probe'],
  });
  await screen.findByText('app tree read', {}, FIRST_RENDER);
  return nodes.filter(
    n => n.spec.id.startsWith('entity-content:dataops/') && n.instance,
  );
}

describe('the new frontend system', () => {
  it(
    "installs exactly one entity content per tab, with the table's path, route ref, title, group and filter",
    async () => {
      const contents = await installedDataOpsContents();
      expect(contents.map(n => n.spec.id)).toEqual(
        TAB_DEFINITIONS.map(t => `entity-content:dataops/${t.name}`),
      );
      for (const tab of TAB_DEFINITIONS) {
        const instance = contents.find(
          n => n.spec.id === `entity-content:dataops/${tab.name}`,
        )!.instance!;
        const { dataRefs } = EntityContentBlueprint;
        expect(instance.getData(coreExtensionData.routePath)).toBe(
          tab.defaultPath,
        );
        expect(instance.getData(coreExtensionData.routeRef)).toBe(tab.routeRef);
        expect(instance.getData(dataRefs.title)).toBe(tab.title);
        expect(instance.getData(dataRefs.group)).toBe(tab.group);
        const filter = instance.getData(dataRefs.filterFunction)!;
        for (const entity of [sparkJob, icebergTable, plainService])
          expect(filter(entity)).toBe(tab.isAvailable(entity));
      }
    },
    SLOW_TEST_MS,
  );

  it('exports exactly one entity content extension per tab', () => {
    const tabExports = Object.entries(alphaExports).filter(([name]) =>
      /^dataOps\w+Content$/.test(name),
    );
    expect(tabExports).toHaveLength(TAB_DEFINITIONS.length);
    for (const tab of TAB_DEFINITIONS) {
      const exported = tabExports.find(
        ([name]) =>
          name.toLocaleLowerCase('en-US') === `dataops${tab.name}content`,
      );
      expect(exported?.[1]).toMatchObject({
        kind: 'entity-content',
        name: tab.name,
      });
    }
  });

  it('registers the route refs of the table on the plugin', () => {
    for (const tab of TAB_DEFINITIONS)
      expect(dataOpsRoutes[tab.name]).toBe(tab.routeRef);
  });
});

describe('Overview links to tabs the entity does not have', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('leaves their cells as plain text in the legacy frontend system, even where the app mounts them', async () => {
    const entityUrl = `${TEST_BASE_URL}/v1/entity/default/component/checkout-api`;
    server.use(
      http.get(`${entityUrl}/summary`, () =>
        HttpResponse.json(summaryResponse),
      ),
      http.get(`${entityUrl}/alerts`, () => HttpResponse.json(alertsResponse)),
    );
    // Every tab mounted at its default path, as the docs suggest.
    await renderWithEntity(<ObservabilityTab />, {
      entity: metricsOnlyService,
      route: `${CHECKOUT_PAGE}/dataops`,
    });
    await screen.findByText('OutOfSync for 12 min');
    for (const cell of [
      'cell-slo-dev',
      'cell-storage-dev',
      'cell-logs-dev',
      'cell-deployments-stage',
    ])
      expect(linkOf(cell)).toBeNull();
    expect(
      within(screen.getByTestId('cell-slo-dev')).getByText(
        '92% of budget left',
      ),
    ).toBeInTheDocument();
    expect(linkOf('cell-metrics-stage')).toHaveAttribute(
      'href',
      `${CHECKOUT_PAGE}/dataops-metrics?env=stage`,
    );
    expect(linkOf('cell-alerts-stage')).toHaveAttribute(
      'href',
      `${CHECKOUT_PAGE}/dataops?env=stage#dataops-alerts`,
    );
  });

  it(
    'leaves their cells as plain text in the new frontend system, where every tab stays mounted',
    async () => {
      renderTestApp({
        features: [catalogPlugin, alphaExports.default],
        apis: [
          [catalogApiRef, catalogApiMock({ entities: [metricsOnlyService] })],
          [dataOpsApiRef, fakeDataOpsApi()],
        ],
        config: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: 'http://localhost:7007' },
        },
        initialRouteEntries: [`${CHECKOUT_PAGE}/dataops`],
      });
      await screen.findByText('OutOfSync for 12 min', {}, FIRST_RENDER);
      for (const cell of [
        'cell-slo-dev',
        'cell-storage-dev',
        'cell-logs-dev',
        'cell-deployments-stage',
      ])
        expect(linkOf(cell)).toBeNull();
      expect(linkOf('cell-metrics-stage')).toHaveAttribute(
        'href',
        `${CHECKOUT_PAGE}/dataops-metrics?env=stage`,
      );
    },
    SLOW_TEST_MS,
  );
});
