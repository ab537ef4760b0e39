/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to show they never become links */
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { ActiveAlert } from '@dataops-observability/plugin-dataops-common';
import { AlertItem } from './AlertItem';

const alert: ActiveAlert = {
  fingerprint: 'f1',
  name: 'SparkJobFailing',
  severity: 'critical',
  priority: 'P1',
  state: 'active',
  startsAt: new Date().toISOString(),
  summary: 'the job fails',
  labels: {},
};

describe('AlertItem links', () => {
  it('shows the source and the runbook as links', async () => {
    await renderInTestApp(
      <AlertItem
        alert={{
          ...alert,
          generatorURL: 'https://thanos.example/graph?g0.expr=up',
          runbookUrl: 'https://runbooks.example/spark',
        }}
      />,
    );
    const source = screen.getByRole('link', {
      name: 'Source of SparkJobFailing',
    });
    expect(source).toHaveAttribute(
      'href',
      'https://thanos.example/graph?g0.expr=up',
    );
    expect(source).toHaveAttribute('rel', 'noopener noreferrer');
    expect(
      screen.getByRole('link', { name: 'Runbook of SparkJobFailing' }),
    ).toHaveAttribute('href', 'https://runbooks.example/spark');
  });

  it('renders no link for javascript: URLs or when none is sent', async () => {
    await renderInTestApp(
      <AlertItem
        alert={{
          ...alert,
          generatorURL: 'javascript:alert(1)',
          runbookUrl: ' JavaScript:alert(document.cookie)',
        }}
      />,
    );
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByText('Source')).toBeNull();
    expect(screen.queryByText('Runbook')).toBeNull();
  });
});
