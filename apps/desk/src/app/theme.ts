import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A muted steel blue: calm for people who stare at the desk all day. Shade 7 (the primary in the
// light scheme) carries white text at well above the WCAG AA 4.5:1 ratio.
const steel: MantineColorsTuple = [
  '#ecf3f9',
  '#d6e4f0',
  '#adc8e0',
  '#82abcf',
  '#5d91c0',
  '#4580b6',
  '#3670a5',
  '#2b5f8f',
  '#224e76',
  '#173a5a',
];

export const theme = createTheme({
  primaryColor: 'steel',
  primaryShade: { light: 7, dark: 5 },
  colors: { steel },
  autoContrast: true,
  focusRing: 'auto',
  cursorType: 'pointer',
  defaultRadius: 'sm',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Noto Sans", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace',
  // Dense but readable: body text at 14px, controls one step smaller than Mantine's defaults.
  fontSizes: { xs: '0.75rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  lineHeights: { xs: '1.4', sm: '1.45', md: '1.5', lg: '1.55', xl: '1.6' },
  spacing: { xs: '0.5rem', sm: '0.625rem', md: '0.875rem', lg: '1.125rem', xl: '1.5rem' },
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.25rem', lineHeight: '1.35' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.4' },
      h4: { fontSize: '0.9375rem', lineHeight: '1.45' },
    },
  },
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    PasswordInput: { defaultProps: { size: 'sm' } },
    Button: { defaultProps: { size: 'sm' } },
    SegmentedControl: { defaultProps: { size: 'xs' } },
  },
});

/**
 * Mantine's light "dimmed" text and error red fall short of WCAG AA on white; darker shades keep
 * the same meaning at a readable contrast.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7] ?? '#495057',
    '--mantine-color-error': resolved.colors.red[9] ?? '#c92a2a',
    '--mantine-color-body': '#f6f8fa',
  },
  dark: {},
});
