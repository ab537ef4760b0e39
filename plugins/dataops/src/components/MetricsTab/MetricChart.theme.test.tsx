import { render, screen } from '@testing-library/react';
import { ThemeProvider } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import { MetricChart } from './MetricChart';
import { PriorityChip } from '../AlertParts/PriorityChip';

const series = [
  {
    key: 'dev:a',
    env: 'dev',
    name: 'dev executor memory',
    points: [
      [1_700_000_000, 0.5],
      [1_700_000_060, 0.7],
    ] as Array<[number, number | null]>,
  },
];

describe.each([
  ['light', lightTheme],
  ['dark', darkTheme],
] as const)('in the %s theme', (_name, theme) => {
  it('draws thresholds in status colours with labels in the theme text colour, apart when close', () => {
    const { container } = render(
      <ThemeProvider theme={theme}>
        <MetricChart
          title="Executor memory"
          unit="percentunit"
          series={series}
          envOrder={['dev']}
          thresholds={{ direction: 'above', warning: 0.85, critical: 0.9 }}
          fromMs={1_700_000_000_000}
          toMs={1_700_000_060_000}
        />
      </ThemeProvider>,
    );
    const lines = Array.from(
      container.querySelectorAll('.recharts-reference-line-line'),
    );
    expect(lines.map(l => l.getAttribute('stroke'))).toEqual([
      theme.palette.status.warning,
      theme.palette.status.error,
    ]);
    const warning = screen.getByText(/^warning /).closest('text')!;
    const critical = screen.getByText(/^critical /).closest('text')!;
    expect(warning).toHaveAttribute('fill', theme.palette.text.primary);
    expect(critical).toHaveAttribute('fill', theme.palette.text.primary);
    // Close thresholds: the critical (upper) label stands above its line, the warning label hangs below
    // its own, so the two sit on the outer sides of the gap and cannot overlap.
    const y = (el: Element) => Number(el.getAttribute('y'));
    const lineY = (el: Element) => Number(el.getAttribute('y1'));
    expect(y(critical)).toBeLessThanOrEqual(lineY(lines[1]));
    expect(y(warning)).toBeGreaterThanOrEqual(lineY(lines[0]));
  });

  it('fills a P1 chip with theme.palette.status.error and keeps its words', () => {
    render(
      <ThemeProvider theme={theme}>
        <PriorityChip priority="P1" />
      </ThemeProvider>,
    );
    const chip = screen.getByText('P1 critical').closest('[data-priority]');
    expect(chip).toHaveStyle({
      backgroundColor: theme.palette.status.error,
    });
  });
});
