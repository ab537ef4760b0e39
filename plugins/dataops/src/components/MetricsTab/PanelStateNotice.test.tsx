import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { lightTheme } from '@backstage/theme';
import type { MetricPanel } from '@dataops-observability/plugin-dataops-common';
import { dataOpsInventoryRouteRef } from '../../routes';
import { PanelStateNotice } from './PanelStateNotice';
import { textOn } from '../shared/healthStyle';

const base: MetricPanel = {
  id: 'active-jobs',
  title: 'Active jobs',
  unit: 'jobs',
  query: 'sum(spark_driver_dagscheduler_job_activejobs)',
  state: 'ok',
  series: [],
  level: 'unknown',
};

describe('PanelStateNotice', () => {
  it('says stale, in its own words and colour, with the age from the backend', async () => {
    await renderInTestApp(
      <PanelStateNotice
        env="prod"
        panel={{
          ...base,
          state: 'stale',
          stateReason:
            'stale: newest sample is 30 min old (bound 10 min); the value shown is from then, not now',
          newestSampleAgeSeconds: 1800,
          lastValue: 3,
        }}
      />,
    );
    const notice = screen.getByText('prod: stale data').closest('[data-state]');
    expect(notice).toHaveAttribute('data-state', 'stale');
    expect(notice).toHaveTextContent('newest sample is 30 min old');
    // renderInTestApp uses Backstage's light theme; stale takes the palette's "pending" status colour.
    expect(notice).toHaveStyle({
      backgroundColor: lightTheme.palette.status.pending,
      color: textOn(lightTheme, lightTheme.palette.status.pending),
    });
  });

  it('links a not-collected panel to the metric inventory of its environment when the page is mounted', async () => {
    await renderInTestApp(
      <PanelStateNotice
        env="dev"
        panel={{
          ...base,
          state: 'not-collected',
          stateReason:
            'not collected: spark_driver_dagscheduler_job_activejobs has no series for this entity',
        }}
      />,
      { mountedRoutes: { '/dataops-inventory': dataOpsInventoryRouteRef } },
    );
    expect(
      screen.getByRole('link', { name: /metric inventory/ }),
    ).toHaveAttribute('href', '/dataops-inventory?env=dev');
  });

  it('has no inventory link where the app does not mount the page', async () => {
    await renderInTestApp(
      <PanelStateNotice
        env="dev"
        panel={{ ...base, state: 'not-collected' }}
      />,
    );
    expect(screen.getByText('dev: metric not collected')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
