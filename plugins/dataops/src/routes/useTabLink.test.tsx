import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { DataOpsTab } from '../tabs';
import { useTabLink } from './useTabLink';
import {
  dataOpsLogsRouteRef,
  dataOpsMetricsRouteRef,
  dataOpsObservabilityRouteRef,
} from './refs';

const TABS: DataOpsTab[] = [
  'overview',
  'metrics',
  'logs',
  'deployments',
  'slo',
  'storage',
];

/** Lists where each tab links to, `none` for a tab without a link. */
function TabLinks(props: { search?: URLSearchParams }) {
  const tabLink = useTabLink();
  return (
    <ul>
      {TABS.map(tab => (
        <li key={tab} data-testid={tab}>
          {tabLink(tab, props.search) ?? 'none'}
        </li>
      ))}
    </ul>
  );
}

describe('useTabLink', () => {
  it('links to the paths the app mounts the tabs at, whatever they are', async () => {
    await renderInTestApp(<TabLinks />, {
      routeEntries: ['/x/overview'],
      mountedRoutes: {
        '/x/overview': dataOpsObservabilityRouteRef,
        '/x/charts': dataOpsMetricsRouteRef,
        '/y/logs': dataOpsLogsRouteRef,
      },
    });
    expect(screen.getByTestId('overview')).toHaveTextContent('/x/overview');
    expect(screen.getByTestId('metrics')).toHaveTextContent('/x/charts');
    expect(screen.getByTestId('logs')).toHaveTextContent('/y/logs');
  });

  it('gives no link to a tab the app does not mount', async () => {
    await renderInTestApp(<TabLinks />, {
      mountedRoutes: { '/logs': dataOpsLogsRouteRef },
    });
    expect(screen.getByTestId('logs')).toHaveTextContent('/logs');
    for (const tab of ['overview', 'metrics', 'deployments', 'slo', 'storage'])
      expect(screen.getByTestId(tab)).toHaveTextContent('none');
  });

  it('carries the query, repeated keys included', async () => {
    await renderInTestApp(
      <TabLinks
        search={
          new URLSearchParams([
            ['env', 'dev'],
            ['env', 'prod'],
            ['range', '24h'],
          ])
        }
      />,
      { mountedRoutes: { '/logs': dataOpsLogsRouteRef } },
    );
    expect(screen.getByTestId('logs').textContent).toBe(
      '/logs?env=dev&env=prod&range=24h',
    );
  });

  it('adds no question mark for an empty query', async () => {
    await renderInTestApp(<TabLinks search={new URLSearchParams()} />, {
      mountedRoutes: { '/logs': dataOpsLogsRouteRef },
    });
    expect(screen.getByTestId('logs').textContent).toBe('/logs');
  });
});
