import { render } from '@testing-library/react';
import { ThemeProvider } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import type { RunsData } from '@dataops-observability/plugin-dataops-common';
import { RunDurationChart } from './RunDurationChart';

const data: RunsData = {
  source: 'airflow',
  identity: 'sales_daily_pipeline',
  sla: {
    seconds: 2700,
    annotation: 'dataops.io/run-sla',
    thresholds: { direction: 'above', warning: 2700, critical: 4050 },
  },
  runs: [
    {
      id: 'a',
      state: 'success',
      level: 'healthy',
      durationLevel: 'healthy',
      runType: 'scheduled',
      startedAt: '2026-12-05T08:00:00Z',
      endedAt: '2026-12-05T08:25:00Z',
      durationSeconds: 1500,
    },
    {
      id: 'b',
      state: 'success',
      level: 'healthy',
      durationLevel: 'critical',
      runType: 'scheduled',
      startedAt: '2026-12-05T09:00:00Z',
      endedAt: '2026-12-05T10:16:00Z',
      durationSeconds: 4560,
    },
  ],
  totalInRange: 2,
} as RunsData;

describe.each([
  ['light', lightTheme],
  ['dark', darkTheme],
] as const)('run-duration chart in the %s theme', (_name, theme) => {
  it('draws the SLA lines in the theme warning and critical colours and the axes in its text colour', () => {
    const { container } = render(
      <ThemeProvider theme={theme}>
        <RunDurationChart data={data} env="prod" />
      </ThemeProvider>,
    );
    const strokes = [...container.querySelectorAll('line, path')].map(e =>
      e.getAttribute('stroke'),
    );
    expect(strokes).toContain(theme.palette.status.warning);
    expect(strokes).toContain(theme.palette.status.error);
    expect(strokes).toContain(theme.palette.primary.main);
    const ticks = [
      ...container.querySelectorAll('.recharts-cartesian-axis-tick-value'),
    ];
    expect(ticks.length).toBeGreaterThan(0);
    ticks.forEach(t =>
      expect(t.getAttribute('fill')).toBe(theme.palette.text.secondary),
    );
  });
});
