import { render, screen } from '@testing-library/react';
import { getContrastRatio, ThemeProvider } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import type { HealthLevel } from '@dataops-observability/plugin-dataops-common';
import { StatusChip } from './StatusChip';
import { levelColours, statusColour, textOn } from './healthStyle';

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
      const bg = theme.palette.status[status];
      expect(chip).toHaveStyle({
        backgroundColor: bg,
        color: textOn(theme, bg),
      });
    },
  );

  it.each(STATUS_OF)(
    'a %s chip has black or white text at 4.5:1 or more on its colour',
    level => {
      const { bg, fg } = levelColours(theme, level);
      expect([
        theme.palette.common.black,
        theme.palette.common.white,
      ]).toContain(fg);
      expect(getContrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
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

it("puts black text on the dark theme's error red, where white reads at only 3.4:1", () => {
  expect(levelColours(darkTheme, 'critical')).toMatchObject({
    bg: darkTheme.palette.status.error,
    fg: darkTheme.palette.common.black,
  });
  expect(textOn(darkTheme, darkTheme.palette.status.running)).toBe(
    darkTheme.palette.common.black,
  );
  expect(textOn(lightTheme, lightTheme.palette.status.error)).toBe(
    lightTheme.palette.common.white,
  );
});
