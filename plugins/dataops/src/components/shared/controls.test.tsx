import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { EnvironmentSelector } from './EnvironmentSelector';
import { TimeRangePicker } from './TimeRangePicker';
import { EnvironmentColumns } from './EnvironmentColumns';
import { StatusChip } from './StatusChip';
import { DataOpsControls } from './DataOpsControls';
import type { DataOpsQueryState } from '../../hooks';

describe('EnvironmentSelector', () => {
  it('treats no selection as all, and returns to all instead of none', async () => {
    const onChange = jest.fn();
    const { rerender } = await renderInTestApp(
      <EnvironmentSelector
        options={['dev', 'stage', 'prod']}
        selected={[]}
        onChange={onChange}
      />,
    );
    expect(screen.getByRole('button', { name: 'prod' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await userEvent.click(screen.getByRole('button', { name: 'prod' }));
    expect(onChange).toHaveBeenLastCalledWith(['dev', 'stage']);
    rerender(
      <EnvironmentSelector
        options={['dev', 'stage', 'prod']}
        selected={['dev']}
        onChange={onChange}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'dev' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });
});

describe('TimeRangePicker', () => {
  it('picks presets and applies a valid custom range', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <TimeRangePicker
        range={{ kind: 'preset', preset: '6h' }}
        onChange={onChange}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'last 24h' }));
    expect(onChange).toHaveBeenLastCalledWith({
      kind: 'preset',
      preset: '24h',
    });
    await userEvent.click(screen.getByRole('button', { name: 'custom range' }));
    fireEvent.change(screen.getByLabelText('From'), {
      target: { value: '2026-11-22T10:00' },
    });
    fireEvent.change(screen.getByLabelText('To'), {
      target: { value: '2026-11-22T09:00' },
    });
    expect(screen.getByText('From must be before To')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    fireEvent.change(screen.getByLabelText('To'), {
      target: { value: '2026-11-22T12:00' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    const last = onChange.mock.calls[onChange.mock.calls.length - 1][0];
    expect(last.kind).toBe('absolute');
    expect(Date.parse(last.to) - Date.parse(last.from)).toBe(2 * 3_600_000);
  });
});

describe('EnvironmentColumns', () => {
  it('renders answering environments and explains the others in their own column', async () => {
    await renderInTestApp(
      <EnvironmentColumns<{ n: number }>
        environments={[
          {
            env: 'dev',
            status: 'ok',
            data: { n: 1 },
            warnings: ['partial data'],
          },
          { env: 'stage', status: 'not-configured', source: 'iceberg' },
          {
            env: 'prod',
            status: 'error',
            error: {
              type: 'BAD_ANNOTATION',
              source: 'thanos',
              message: 'bad selector',
            },
          },
        ]}
      >
        {(data, env) => <span>{`${env} has ${data.n}`}</span>}
      </EnvironmentColumns>,
    );
    expect(screen.getByText('dev has 1')).toBeInTheDocument();
    expect(screen.getByText('partial data')).toBeInTheDocument();
    expect(
      screen.getByText('iceberg is not configured for stage.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Annotation rejected in prod')).toBeInTheDocument();
    expect(screen.queryByText(/prod has/)).toBeNull();
  });
});

describe('StatusChip', () => {
  it('always carries the level as text', async () => {
    await renderInTestApp(<StatusChip level="critical" />);
    expect(screen.getByText('Critical')).toHaveAttribute(
      'data-level',
      'critical',
    );
  });
});

describe('DataOpsControls', () => {
  it('shows the auto-refresh interval and sets the one picked', async () => {
    const state = {
      envs: [],
      range: { kind: 'preset', preset: '6h' },
      refreshKey: 0,
      autoRefreshSeconds: 60,
      setAutoRefresh: jest.fn(),
      setEnvs: jest.fn(),
      setRange: jest.fn(),
      refresh: jest.fn(),
    } as unknown as DataOpsQueryState;
    await renderInTestApp(
      <DataOpsControls state={state} environments={['dev', 'prod']} />,
    );
    const select = screen.getByRole('button', { name: /Auto-refresh/ });
    expect(select).toHaveTextContent('every 1 min');
    await userEvent.click(select);
    await userEvent.click(screen.getByRole('option', { name: 'every 5 min' }));
    expect(state.setAutoRefresh).toHaveBeenCalledWith(300);
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(state.refresh).toHaveBeenCalled();
  });
});
