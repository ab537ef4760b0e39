/* eslint-disable no-script-url -- script URLs are the input under test: they must never turn into links */
import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import type { ArgoApplicationStatus } from '@dataops-observability/plugin-dataops-common';
import { ApplicationCard } from './ApplicationCard';

const NOW = Date.parse('2026-11-22T10:00:00Z');

const app: ArgoApplicationStatus = {
  instance: 'dev-argocd',
  name: 'daily-sales-etl',
  syncStatus: 'Synced',
  healthStatus: 'Healthy',
  revision: '1a2b3c4d5e6f7a8b',
  lastSyncedAt: '2026-11-22T09:55:00Z',
  level: 'healthy',
  history: [
    {
      id: 2,
      revision: '1a2b3c4d5e6f7a8b',
      deployedAt: '2026-11-22T09:55:00Z',
    },
    {
      id: 1,
      revision: '0f9e8d7c6b5a4f3e',
      deployedAt: '2026-11-21T09:55:00Z',
    },
  ],
};

function historyTable() {
  return screen.getByRole('table', {
    name: 'Deployment history of daily-sales-etl',
  });
}

describe('ApplicationCard links', () => {
  it('links the application to Argo CD and the revisions to their commits', async () => {
    await renderInTestApp(
      <ApplicationCard
        nowMs={NOW}
        app={{
          ...app,
          appUrl: 'https://argocd.dev.example/applications/daily-sales-etl',
          commitUrl: 'https://git.example/data/etl/commit/1a2b3c4d5e6f7a8b',
          history: [
            {
              ...app.history[0],
              commitUrl: 'https://git.example/data/etl/commit/1a2b3c4d5e6f7a8b',
            },
            {
              ...app.history[1],
              commitUrl: 'https://git.example/data/etl/commit/0f9e8d7c6b5a4f3e',
            },
          ],
        }}
      />,
    );
    const name = screen.getByRole('link', {
      name: 'daily-sales-etl in Argo CD',
    });
    expect(name).toHaveTextContent('daily-sales-etl');
    expect(name).toHaveAttribute(
      'href',
      'https://argocd.dev.example/applications/daily-sales-etl',
    );
    expect(name).toHaveAttribute('target', '_blank');
    expect(name).toHaveAttribute('rel', 'noopener noreferrer');

    const synced = screen
      .getAllByRole('link', { name: 'Commit 1a2b3c4d5e6f' })
      .filter(l => !historyTable().contains(l));
    expect(synced).toHaveLength(1);
    expect(synced[0]).toHaveAttribute(
      'href',
      'https://git.example/data/etl/commit/1a2b3c4d5e6f7a8b',
    );
    expect(synced[0]).toHaveAttribute('rel', 'noopener noreferrer');

    const table = historyTable();
    expect(
      within(table).getByRole('link', { name: 'Commit 0f9e8d7c6b5a' }),
    ).toHaveAttribute(
      'href',
      'https://git.example/data/etl/commit/0f9e8d7c6b5a4f3e',
    );
    expect(
      within(table).getByRole('link', { name: 'Commit 1a2b3c4d5e6f' }),
    ).toHaveAttribute(
      'href',
      'https://git.example/data/etl/commit/1a2b3c4d5e6f7a8b',
    );
  });

  it('shows plain text when no URLs are sent', async () => {
    await renderInTestApp(<ApplicationCard nowMs={NOW} app={app} />);
    expect(screen.getByText('daily-sales-etl')).toBeInTheDocument();
    expect(screen.getAllByText('1a2b3c4d5e6f')).toHaveLength(2);
    expect(screen.getByText('0f9e8d7c6b5a')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('never renders a javascript: URL as a link', async () => {
    await renderInTestApp(
      <ApplicationCard
        nowMs={NOW}
        app={{
          ...app,
          appUrl: 'javascript:alert(1)',
          commitUrl: ' JavaScript:alert(document.cookie)',
          history: app.history.map(h => ({
            ...h,
            commitUrl: 'javascript:alert(1)',
          })),
        }}
      />,
    );
    expect(screen.getByText('daily-sales-etl')).toBeInTheDocument();
    expect(screen.getAllByText('1a2b3c4d5e6f')).toHaveLength(2);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
