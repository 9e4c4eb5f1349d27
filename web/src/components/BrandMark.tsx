/** The YiWang mark: one line through a rounded square ("一网"). */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" className="brand-mark">
      <rect width="64" height="64" rx="14" fill="currentColor" />
      <rect x="14" y="29" width="36" height="6" rx="3" className="brand-mark-line" />
    </svg>
  );
}
