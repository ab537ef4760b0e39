import { screen, within } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import dataOpsFrontendPlugin, {
  dataOpsAlertsCard,
  dataOpsTeamAlertsCard,
  dataOpsDeploymentsContent,
  dataOpsLogsContent,
  dataOpsMetricsContent,
  dataOpsObservabilityContent,
  dataOpsSloContent,
  dataOpsStorageContent,
  dataOpsRunsContent,
} from './index';
import { dataOpsRoutes } from './routes';
import { dataOpsApiRef } from '../api';
import { fakeDataOpsApi } from '../__testUtils__/fakeDataOpsApi';
import {
  icebergTable,
  plainService,
  sparkJob,
} from '../__testUtils__/fixtures';
import { sloResponse } from '../__testUtils__/sloFixtures';
import { salesGroup } from '../__testUtils__/teamFixtures';

/** A first render loads the tab's lazy parts, which takes a while on a busy machine. */
const FIRST_RENDER = { timeout: 10_000 };
const SLOW_TEST_MS = 30_000;

describe('alpha plugin', () => {
  it('is the dataops plugin', () => {
    expect(dataOpsFrontendPlugin.id).toBe('dataops');
  });

  it.each([
    [
      dataOpsObservabilityContent,
      '/dataops',
      [sparkJob, icebergTable],
      [plainService],
    ],
    [
      dataOpsMetricsContent,
      '/dataops-metrics',
      [sparkJob, icebergTable],
      [plainService],
    ],
    [
      dataOpsLogsContent,
      '/dataops-logs',
      [sparkJob],
      [icebergTable, plainService],
    ],
    [
      dataOpsDeploymentsContent,
      '/dataops-deployments',
      [sparkJob],
      [icebergTable, plainService],
    ],
  ])(
    'mounts a tab at its path, shown only on matching entities (%#)',
    (extension, path, shown, hidden) => {
      const tester = createExtensionTester(
        extension as typeof dataOpsMetricsContent,
      );
      expect(tester.get(coreExtensionData.routePath)).toBe(path);
      const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
      expect(filter).toBeDefined();
      for (const e of shown) expect(filter!(e)).toBe(true);
      for (const e of hidden) expect(filter!(e)).toBe(false);
    },
  );

  it.each([
    [dataOpsObservabilityContent, dataOpsRoutes.observability],
    [dataOpsMetricsContent, dataOpsRoutes.metrics],
    [dataOpsLogsContent, dataOpsRoutes.logs],
    [dataOpsDeploymentsContent, dataOpsRoutes.deployments],
    [dataOpsSloContent, dataOpsRoutes.slo],
    [dataOpsStorageContent, dataOpsRoutes.storage],
    [dataOpsRunsContent, dataOpsRoutes.runs],
  ])('mounts each tab with its route ref (%#)', (extension, routeRef) => {
    const tester = createExtensionTester(
      extension as typeof dataOpsMetricsContent,
    );
    expect(tester.get(coreExtensionData.routeRef)).toBe(routeRef);
  });

  it('takes the path of a tab from app-config', () => {
    const tester = createExtensionTester(dataOpsLogsContent, {
      config: { path: '/logs' },
    });
    expect(tester.get(coreExtensionData.routePath)).toBe('/logs');
  });

  it('registers the route refs on the plugin', () => {
    expect(dataOpsFrontendPlugin.routes).toEqual(dataOpsRoutes);
  });

  it(
    'links the overview to the other tabs where the app mounts them',
    async () => {
      const tester = createExtensionTester(dataOpsObservabilityContent);
      renderInTestApp(
        <EntityProvider entity={sparkJob}>
          {tester.reactElement()}
        </EntityProvider>,
        {
          apis: [[dataOpsApiRef, fakeDataOpsApi()]],
          initialRouteEntries: ['/x/overview'],
          mountedRoutes: {
            '/x/overview': dataOpsRoutes.observability,
            '/x/charts': dataOpsRoutes.metrics,
            '/y/logs': dataOpsRoutes.logs,
          },
        },
      );
      await screen.findByText('OutOfSync for 12 min', {}, FIRST_RENDER);
      expect(
        within(screen.getByTestId('cell-metrics-stage')).getByRole('link'),
      ).toHaveAttribute('href', '/x/charts?env=stage');
      expect(
        within(screen.getByTestId('cell-logs-dev')).getByRole('link'),
      ).toHaveAttribute('href', '/y/logs?env=dev');
      expect(
        within(screen.getByTestId('cell-alerts-stage')).getByRole('link'),
      ).toHaveAttribute('href', '/x/overview?env=stage#dataops-alerts');
      // The Deployments tab is not mounted in this app: its cells stay plain text.
      expect(
        within(screen.getByTestId('cell-deployments-stage')).queryByRole(
          'link',
        ),
      ).toBeNull();
    },
    SLOW_TEST_MS,
  );

  it('mounts the SLO tab at /dataops-slo for the suite types and entities stating an objective', () => {
    const tester = createExtensionTester(dataOpsSloContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/dataops-slo');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter!(sparkJob)).toBe(true);
    expect(filter!(icebergTable)).toBe(true);
    expect(filter!(plainService)).toBe(false);
    expect(
      filter!({
        ...plainService,
        metadata: {
          ...plainService.metadata,
          annotations: { 'dataops.io/slo-objective.prod': '99.5' },
        },
      }),
    ).toBe(true);
  });

  it(
    'renders the SLO tab through the extension',
    async () => {
      const api = fakeDataOpsApi();
      (api.getEntityView as jest.Mock).mockResolvedValue(sloResponse);
      const tester = createExtensionTester(dataOpsSloContent);
      renderInTestApp(
        <EntityProvider entity={sparkJob}>
          {tester.reactElement()}
        </EntityProvider>,
        { apis: [[dataOpsApiRef, api]] },
      );
      expect(
        await screen.findByText('7.2 min of 43.2 min left', {}, FIRST_RENDER),
      ).toBeInTheDocument();
      expect((api.getEntityView as jest.Mock).mock.calls[0][1]).toBe('slo');
    },
    SLOW_TEST_MS,
  );

  it('filters the alerts card to matching entities', () => {
    const tester = createExtensionTester(dataOpsAlertsCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter!(sparkJob)).toBe(true);
    expect(filter!(plainService)).toBe(false);
  });

  it('shows the team alerts card on group pages only', () => {
    const tester = createExtensionTester(dataOpsTeamAlertsCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter!(salesGroup)).toBe(true);
    expect(filter!(sparkJob)).toBe(false);
    expect(filter!(icebergTable)).toBe(false);
  });

  it('registers the team alerts card in the plugin', () => {
    expect(
      dataOpsFrontendPlugin.getExtension('entity-card:dataops/team-alerts'),
    ).toMatchObject({ kind: 'entity-card', name: 'team-alerts' });
  });

  it('renders the team alerts card through the extension', async () => {
    const tester = createExtensionTester(dataOpsTeamAlertsCard);
    renderInTestApp(
      <EntityProvider entity={salesGroup}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[dataOpsApiRef, fakeDataOpsApi()]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByTestId('alert-t1')).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: /^Weekly incidents and MTTR/ }),
    ).toBeInTheDocument();
  });

  it('renders the observability tab through the extension', async () => {
    const tester = createExtensionTester(dataOpsObservabilityContent);
    renderInTestApp(
      <EntityProvider entity={sparkJob}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[dataOpsApiRef, fakeDataOpsApi()]] },
    );
    expect(await screen.findByText('OutOfSync for 12 min')).toBeInTheDocument();
  });

  it('renders the alerts card through the extension', async () => {
    const tester = createExtensionTester(dataOpsAlertsCard);
    renderInTestApp(
      <EntityProvider entity={sparkJob}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[dataOpsApiRef, fakeDataOpsApi()]] },
    );
    expect(
      await screen.findByText('SparkJobFailureRateHigh'),
    ).toBeInTheDocument();
  });
});
