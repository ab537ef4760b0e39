/* eslint-disable no-script-url -- script URLs are the input under test: they must never turn into links */
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import type {
  EntityViewResponse,
  EnvironmentResult,
  LogsData,
} from '@dataops-observability/plugin-dataops-common';
import { SearchLinks } from './SearchLinks';
import { LogsTab } from './LogsTab';
import { logsResponse, sparkJob } from '../../__testUtils__/fixtures';
import {
  renderWithEntity,
  TEST_BASE_URL,
} from '../../__testUtils__/renderWithEntity';

const server = setupServer();
const LOGS_URL = `${TEST_BASE_URL}/v1/entity/default/component/daily-sales-etl/logs`;

function ok(env: string, link?: LogsData['link']): EnvironmentResult<LogsData> {
  return {
    env,
    status: 'ok',
    data: { index: 'logs-spark-*', total: 0, histogram: [], hits: [], link },
  };
}

describe('SearchLinks', () => {
  it('links each environment to the same search in the log UI, named by the link title', async () => {
    await renderInTestApp(
      <SearchLinks
        environments={[
          ok('dev', {
            url: 'https://dashboards.dev.example/app/discover#/?q=oom',
            title: 'OpenSearch Dashboards',
          }),
          ok('stage', {
            url: 'https://logs.stage.example/discover',
            title: 'Stage Logs',
          }),
          { env: 'prod', status: 'not-configured', source: 'opensearch' },
        ]}
      />,
    );
    const dev = screen.getByRole('link', {
      name: 'Open in OpenSearch Dashboards (dev)',
    });
    expect(dev).toHaveAttribute(
      'href',
      'https://dashboards.dev.example/app/discover#/?q=oom',
    );
    expect(dev).toHaveAttribute('target', '_blank');
    expect(dev).toHaveAttribute('rel', 'noopener noreferrer');
    expect(
      screen.getByRole('link', { name: 'Open in Stage Logs (stage)' }),
    ).toHaveAttribute('href', 'https://logs.stage.example/discover');
    expect(screen.getAllByRole('link')).toHaveLength(2);
  });

  it('renders nothing when no environment carries a link', async () => {
    const { container } = await renderInTestApp(
      <SearchLinks environments={[ok('dev')]} />,
    );
    expect(screen.queryByRole('link')).toBeNull();
    expect(container).toBeEmptyDOMElement();
  });

  it('never renders a javascript: URL as a link', async () => {
    await renderInTestApp(
      <SearchLinks
        environments={[
          ok('dev', {
            url: 'javascript:alert(1)',
            title: 'OpenSearch Dashboards',
          }),
          ok('stage', {
            url: '\tjava\nscript:alert(1)',
            title: 'OpenSearch Dashboards',
          }),
        ]}
      />,
    );
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByText(/Open in/)).toBeNull();
  });
});

describe('LogsTab search link', () => {
  registerMswTestHooks(server);

  it('shows the link the backend sent for an environment', async () => {
    const withLink: EntityViewResponse<LogsData> = {
      ...logsResponse,
      environments: logsResponse.environments.map(e =>
        e.status === 'ok'
          ? {
              ...e,
              data: {
                ...e.data,
                link: {
                  url: 'https://dashboards.dev.example/app/discover#/?q=x',
                  title: 'OpenSearch Dashboards',
                },
              },
            }
          : e,
      ),
    };
    server.use(http.get(LOGS_URL, () => HttpResponse.json(withLink)));
    await renderWithEntity(<LogsTab />, {
      entity: sparkJob,
      route: '/catalog/default/component/daily-sales-etl/dataops-logs?range=1h',
    });
    expect(
      await screen.findByRole('link', {
        name: 'Open in OpenSearch Dashboards (dev)',
      }),
    ).toHaveAttribute(
      'href',
      'https://dashboards.dev.example/app/discover#/?q=x',
    );
  }, 20_000);
});
