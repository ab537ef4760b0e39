import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { ActiveAlert } from '@dataops-observability/plugin-dataops-common';
import { AlertItem } from './AlertItem';

const alert: ActiveAlert = {
  fingerprint: 'f1',
  name: 'LoaderLag',
  severity: 'critical',
  priority: 'P1',
  state: 'active',
  startsAt: new Date().toISOString(),
  summary: 'loader is late',
  labels: {},
  env: 'stage',
};

describe('AlertItem', () => {
  it('marks an alert claimed by several entities as having an ambiguous owner', async () => {
    await renderInTestApp(
      <AlertItem
        alert={{
          ...alert,
          claimedBy: [
            'component:default/loader-a',
            'component:default/loader-b',
          ],
        }}
      />,
    );
    expect(screen.getByText('Ambiguous owner')).toBeInTheDocument();
    expect(
      screen.getByTitle(/loader-a, component:default\/loader-b/),
    ).toBeTruthy();
  });

  it('shows no such mark for an alert with one owner', async () => {
    await renderInTestApp(<AlertItem alert={alert} />);
    expect(screen.queryByText('Ambiguous owner')).toBeNull();
  });
});
