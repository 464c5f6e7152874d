import { DEFAULT_THEME, luminance, mergeMantineTheme } from '@mantine/core';
import { theme } from './theme';

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
/** WCAG contrast ratio of two colours. */
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

describe('the theme', () => {
  // The colours a filled button can take at all: white on their shade 9 is 4.5:1 or more (not lime, yellow).
  const filledColors = Object.keys(resolved.colors).filter((color) => contrast(resolved.colors[color]![9], '#ffffff') >= 4.5);

  it.each(filledColors)('when a filled %s button is hovered, then its white text keeps 4.5:1 or more', (color) => {
    const colors = resolved.variantColorResolver({ color, theme: resolved, variant: 'filled' });
    // Mantine's own hover is a CSS variable naming shade 8; the theme's is a colour of its own.
    expect(colors.hover).toMatch(/^(#|rgba?\()/);
    expect(contrast(colors.hover, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
