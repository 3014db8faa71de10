/** Marker shapes, so that lines differ by shape and dash as well as colour. */
export type DotShape = 'circle' | 'square' | 'triangle';

/** A data point drawn by recharts at (cx, cy) in the line's colour. */
export function ChartDot({ cx, cy, shape, color }: { cx?: number; cy?: number; shape: DotShape; color: string }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  if (shape === 'square') return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill={color} />;
  if (shape === 'triangle') return <path d={`M${cx} ${cy - 5}L${cx + 5} ${cy + 4}H${cx - 5}Z`} fill={color} />;
  return <circle cx={cx} cy={cy} r={4.5} fill="#ffffff" stroke={color} strokeWidth={2} />;
}
