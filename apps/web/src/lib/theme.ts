import { createTheme, defaultVariantColorsResolver, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

/**
 * Light badges, alerts and buttons get the palest shade behind the darkest text: Mantine's
 * default pairing falls under the 4.5:1 contrast of WCAG AA for small text in some colours.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  const color = input.color ?? input.theme.primaryColor;
  if (input.variant !== 'light' || !(color in input.theme.colors)) return defaults;
  return { ...defaults, background: `var(--mantine-color-${color}-0)`, color: `var(--mantine-color-${color}-9)` };
};

/** Shade 9 keeps filled buttons and links well above AA contrast on white. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  variantColorResolver,
});

/** Mantine's default dimmed grey is 3.3:1 on white and its placeholder grey 2.1:1; too faint for small text. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
