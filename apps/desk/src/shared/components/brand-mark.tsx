/** The Fieldstream mark: three routes converging, drawn inline so it needs no request. Decorative. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-steel-7)" />
      <path
        d="M7 21c4-7 8-10 18-11M7 15c3-4 6-6 11-6M9 26c5-6 9-8 16-8"
        stroke="#fff"
        strokeWidth="2.6"
        fill="none"
        strokeLinecap="round"
      />
    </svg>
  );
}
