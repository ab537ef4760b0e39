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

  it('counts the claimants the user may not see without naming them', async () => {
    await renderInTestApp(
      <AlertItem
        alert={{
          ...alert,
          claimedBy: ['component:default/loader-a'],
          claimedByHidden: 2,
        }}
      />,
    );
    expect(
      screen.getByTitle(
        'Claimed by component:default/loader-a, 2 entities you may not see',
      ),
    ).toBeTruthy();
  });

  it('shows no such mark for an alert with one owner', async () => {
    await renderInTestApp(<AlertItem alert={alert} />);
    expect(screen.queryByText('Ambiguous owner')).toBeNull();
  });

  it('sets a silenced alert apart without fading its text, and says why it is quiet', async () => {
    await renderInTestApp(
      <AlertItem
        alert={{ ...alert, state: 'suppressed', silencedBy: ['s-1'] }}
      />,
    );
    const item = screen.getByTestId('alert-f1');
    expect(item).toHaveAttribute('data-suppressed', 'true');
    expect(screen.getByText('Silenced')).toBeInTheDocument();
    // Faded text fell below readable contrast (the words at 4.3:1, the P4 chip too).
    expect(getComputedStyle(item).opacity).not.toMatch(/^0\./);
  });

  it('leaves an active alert unmarked', async () => {
    await renderInTestApp(<AlertItem alert={alert} />);
    expect(screen.getByTestId('alert-f1')).not.toHaveAttribute(
      'data-suppressed',
    );
  });
});
