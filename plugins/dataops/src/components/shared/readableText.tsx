import { CSSProperties, ElementType } from 'react';
import Typography, { TypographyProps } from '@material-ui/core/Typography';
import {
  darken,
  decomposeColor,
  emphasize,
  getContrastRatio,
  hslToRgb,
  lighten,
  makeStyles,
  recomposeColor,
} from '@material-ui/core/styles';
import type { Theme } from '@material-ui/core/styles';

/** WCAG 2 AA contrast for body text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** `colour` painted over the opaque `background`, as an opaque colour (alpha folded in). */
export function overBackground(colour: string, background: string): string {
  const asRgb = (c: string) => {
    const parsed = decomposeColor(c);
    return parsed.type.startsWith('hsl') ? decomposeColor(hslToRgb(c)) : parsed;
  };
  const fg = asRgb(colour);
  const bg = asRgb(background);
  const alpha = fg.values[3] ?? 1;
  const mix = [0, 1, 2].map(i =>
    Math.round(fg.values[i] * alpha + bg.values[i] * (1 - alpha)),
  );
  return recomposeColor({
    type: 'rgb',
    values: mix as [number, number, number],
  });
}

/**
 * The surfaces text of the plugin sits on: the palette's page background and paper, and a shade off the page
 * background, since the app frame (Backstage UI) paints its pages slightly darker in light themes (lighter in
 * dark ones) than `palette.background.default`.
 */
export function textBackgrounds(theme: Theme): string[] {
  const page = theme.palette.background.default;
  return [page, theme.palette.background.paper, emphasize(page, 0.04)];
}

/**
 * `colour` as text that reaches {@link MIN_TEXT_CONTRAST} on every surface of {@link textBackgrounds}: the
 * colour itself when it already does, else the same hue stepped darker (light themes) or lighter (dark themes)
 * until it does. Backstage's light secondary text (54% black) and both themes' error red fall just short on
 * the page background; this keeps their look while making them readable.
 */
export function readableTextColour(theme: Theme, colour: string): string {
  const backgrounds = textBackgrounds(theme);
  const dark = theme.palette.type === 'dark';
  let candidate = overBackground(colour, theme.palette.background.default);
  const readable = (c: string) =>
    backgrounds.every(bg => getContrastRatio(c, bg) >= MIN_TEXT_CONTRAST);
  for (let step = 0; step < 20 && !readable(candidate); step++) {
    candidate = dark ? lighten(candidate, 0.1) : darken(candidate, 0.1);
  }
  return candidate;
}

const useStyles = makeStyles(theme => ({
  muted: { color: readableTextColour(theme, theme.palette.text.secondary) },
  error: { color: readableTextColour(theme, theme.palette.error.main) },
}));

/** Class names for secondary and error text that stay readable on the page background in every theme. */
export function useReadableTextStyles() {
  return useStyles();
}

/**
 * Secondary text (the role of `color="textSecondary"`), in a colour readable on the page background as well
 * as on cards.
 */
export function MutedText(
  props: Omit<TypographyProps<'span', { component?: ElementType }>, 'color'>,
) {
  const { className, ...rest } = props;
  const classes = useStyles();
  return (
    <Typography
      {...rest}
      className={className ? `${classes.muted} ${className}` : classes.muted}
    />
  );
}

/** Text only assistive technology reads, e.g. the context a compact visible label leaves out. */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
