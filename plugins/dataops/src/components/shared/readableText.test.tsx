import { render, screen } from '@testing-library/react';
import { getContrastRatio, ThemeProvider } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import {
  MIN_TEXT_CONTRAST,
  MutedText,
  overBackground,
  readableTextColour,
  textBackgrounds,
  useReadableTextStyles,
} from './readableText';

/** The page background Backstage UI paints behind entity tabs, a shade off the palette's. */
const APP_FRAME = { light: '#f5f5f5', dark: '#333333' } as const;

describe.each([
  ['light', lightTheme],
  ['dark', darkTheme],
] as const)('in the %s theme', (name, theme) => {
  it.each([
    ['secondary text', theme.palette.text.secondary],
    ['error text', theme.palette.error.main],
  ])(
    '%s reaches 4.5:1 on the page, the app frame and paper',
    (_what, colour) => {
      const readable = readableTextColour(theme, colour);
      for (const bg of [...textBackgrounds(theme), APP_FRAME[name]]) {
        expect(getContrastRatio(readable, bg)).toBeGreaterThanOrEqual(
          MIN_TEXT_CONTRAST,
        );
      }
    },
  );

  it('leaves a colour that already reads well as it is', () => {
    const primary = theme.palette.text.primary;
    expect(readableTextColour(theme, primary)).toBe(
      overBackground(primary, theme.palette.background.default),
    );
  });

  it('paints MutedText and the error class in those colours', () => {
    function Sample() {
      const classes = useReadableTextStyles();
      return <span className={classes.error}>failed</span>;
    }
    render(
      <ThemeProvider theme={theme}>
        <MutedText variant="caption">a note</MutedText>
        <Sample />
      </ThemeProvider>,
    );
    expect(screen.getByText('a note')).toHaveStyle({
      color: readableTextColour(theme, theme.palette.text.secondary),
    });
    expect(screen.getByText('failed')).toHaveStyle({
      color: readableTextColour(theme, theme.palette.error.main),
    });
  });
});

it("darkens the light theme's secondary text, which reads at under 4.5:1 on the app frame", () => {
  const secondary = lightTheme.palette.text.secondary;
  expect(
    getContrastRatio(
      overBackground(secondary, APP_FRAME.light),
      APP_FRAME.light,
    ),
  ).toBeLessThan(MIN_TEXT_CONTRAST);
  expect(readableTextColour(lightTheme, secondary)).not.toBe(
    overBackground(secondary, lightTheme.palette.background.default),
  );
});

it('folds transparency into an opaque colour over the background', () => {
  expect(overBackground('rgba(0, 0, 0, 0.5)', '#ffffff')).toBe(
    'rgb(128, 128, 128)',
  );
  expect(overBackground('#123456', '#ffffff')).toBe('rgb(18, 52, 86)');
});
