import { render, screen } from '@testing-library/react';
import { ThemeProvider } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import type { HealthLevel } from '@dataops-observability/plugin-dataops-common';
import { StatusChip } from './StatusChip';
import { levelColours, statusColour } from './healthStyle';

const themes = [
  ['light', lightTheme],
  ['dark', darkTheme],
] as const;

const STATUS_OF: Array<
  [HealthLevel, 'ok' | 'warning' | 'error' | 'aborted', string]
> = [
  ['healthy', 'ok', 'Healthy'],
  ['warning', 'warning', 'Warning'],
  ['critical', 'error', 'Critical'],
  ['unknown', 'aborted', 'Unknown'],
];

describe.each(themes)('level colours in the %s theme', (_name, theme) => {
  it.each(STATUS_OF)(
    'a %s chip is filled with theme.palette.status.%s and says "%s"',
    (level, status, word) => {
      render(
        <ThemeProvider theme={theme}>
          <StatusChip level={level} />
        </ThemeProvider>,
      );
      const chip = screen.getByText(word);
      expect(chip).toHaveAttribute('data-level', level);
      expect(chip).toHaveStyle({
        backgroundColor: theme.palette.status[status],
        color: theme.palette.getContrastText(theme.palette.status[status]),
      });
    },
  );

  it('takes every level colour from the palette, not from a fixed table', () => {
    expect(levelColours(theme, 'critical').line).toBe(
      theme.palette.status.error,
    );
    expect(statusColour(theme, 'pending')).toBe(theme.palette.status.pending);
  });
});

it('light and dark themes give different chip colours, so the theme is really read', () => {
  expect(levelColours(lightTheme, 'critical').bg).not.toBe(
    levelColours(darkTheme, 'critical').bg,
  );
});
