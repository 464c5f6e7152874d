import {
  colorsTuple,
  createTheme,
  darken,
  DEFAULT_THEME,
  defaultVariantColorsResolver,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Light badges, alerts and buttons get the palest shade behind the darkest text: Mantine's
 * default pairing falls under the 4.5:1 contrast of WCAG AA for small text in some colours. A
 * hovered light button darkens only to shade 1 (Mantine's shade 2 is 4.12:1 under indigo-9), and
 * only in the colours whose shade 9 stays 4.5:1 on it (teal, green, lime and yellow do not).
 */
const hoverableLightColors = new Set(['dark', 'gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'orange']);

const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  const color = input.color ?? input.theme.primaryColor;
  if (!(color in input.theme.colors)) return defaults;
  // A hovered filled button goes darker than shade 9, not lighter: Mantine's shade 8 behind white
  // text is under 4.5:1 in some colours (teal-8 #099268: 3.94:1).
  if (input.variant === 'filled') return { ...defaults, hover: darken(input.theme.colors[color]![9], 0.1) };
  if (input.variant !== 'light') return defaults;
  return {
    ...defaults,
    background: `var(--mantine-color-${color}-0)`,
    hover: `var(--mantine-color-${color}-${hoverableLightColors.has(color) ? 1 : 0})`,
    color: `var(--mantine-color-${color}-9)`,
  };
};

/**
 * Mantine's darkest orange (#d9480f) is 4.30:1 on white and 3.96:1 on its own palest shade, so warning
 * text and titles fell under AA; #b83d0c is 5.66:1 on white, 5.21:1 on orange-0, 5.09:1 on gray-1.
 */
const orange = colorsTuple([...DEFAULT_THEME.colors.orange.slice(0, 9), '#b83d0c']);

/** Shade 9 keeps filled buttons and links well above AA contrast on white. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  colors: { orange },
  defaultRadius: 'md',
  focusRing: 'auto',
  variantColorResolver,
});

/**
 * Mantine's default dimmed grey is 3.3:1 on white and its placeholder grey 2.1:1; too faint for small text.
 * Its error red (red-6, #fa5252) is 3.28:1; red-9 (#c92a2a) is 5.46:1 on white and 5.10:1 on red-0.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
