import { screen, within } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import dataOpsFrontendPlugin from './index';
import { dataOpsApiRef } from '../api';
import { fakeDataOpsApi } from '../__testUtils__/fakeDataOpsApi';
import { sparkJob } from '../__testUtils__/fixtures';

const ENTITY_PAGE = '/catalog/default/component/daily-sales-etl';

/** Entries of app-config's `app.extensions`: a tab's path, or the tab switched off. */
type ExtensionsConfig = Array<{
  [id: string]: false | { config: { path: string } };
}>;

/** The catalog's real entity page with the DataOps plugin, its tabs placed by app-config as an adopter would. */
function renderApp(options: { extensions: ExtensionsConfig; path: string }) {
  return renderTestApp({
    features: [catalogPlugin, dataOpsFrontendPlugin],
    apis: [
      [catalogApiRef, catalogApiMock({ entities: [sparkJob] })],
      [dataOpsApiRef, fakeDataOpsApi()],
    ],
    config: {
      app: { baseUrl: 'http://localhost:3000', extensions: options.extensions },
      backend: { baseUrl: 'http://localhost:7007' },
    },
    initialRouteEntries: [`${ENTITY_PAGE}${options.path}`],
  });
}

/** The first render loads every lazy part of the page, which takes a while on a busy machine. */
const FIRST_RENDER = { timeout: 10_000 };
const SLOW_TEST_MS = 30_000;

const linkOf = (cell: string) =>
  within(screen.getByTestId(cell)).queryByRole('link');

describe('links between tabs in the new frontend system', () => {
  it(
    'follows the paths app-config gives the tabs on the entity page',
    async () => {
      renderApp({
        extensions: [
          {
            'entity-content:dataops/observability': {
              config: { path: '/obs' },
            },
          },
          { 'entity-content:dataops/metrics': { config: { path: '/charts' } } },
          { 'entity-content:dataops/logs': { config: { path: '/logs' } } },
        ],
        path: '/obs?range=24h',
      });
      expect(
        await screen.findByText('OutOfSync for 12 min', {}, FIRST_RENDER),
      ).toBeInTheDocument();
      expect(linkOf('cell-metrics-stage')).toHaveAttribute(
        'href',
        `${ENTITY_PAGE}/charts?range=24h&env=stage`,
      );
      expect(linkOf('cell-logs-dev')).toHaveAttribute(
        'href',
        `${ENTITY_PAGE}/logs?range=24h&env=dev`,
      );
      // Tabs left at their defaults keep them.
      expect(linkOf('cell-deployments-stage')).toHaveAttribute(
        'href',
        `${ENTITY_PAGE}/dataops-deployments?range=24h&env=stage`,
      );
      expect(linkOf('cell-alerts-stage')).toHaveAttribute(
        'href',
        `${ENTITY_PAGE}/obs?range=24h&env=stage#dataops-alerts`,
      );
    },
    SLOW_TEST_MS,
  );

  it(
    'leaves the cells of a disabled tab as plain text',
    async () => {
      renderApp({
        extensions: [{ 'entity-content:dataops/deployments': false }],
        path: '/dataops',
      });
      expect(
        await screen.findByText('OutOfSync for 12 min', {}, FIRST_RENDER),
      ).toBeInTheDocument();
      expect(linkOf('cell-deployments-stage')).toBeNull();
      expect(linkOf('cell-metrics-stage')).toHaveAttribute(
        'href',
        `${ENTITY_PAGE}/dataops-metrics?env=stage`,
      );
    },
    SLOW_TEST_MS,
  );
});
