/** An axis label "Infusion 2 of 6, 23-Nov-2026" set on two lines, so that neighbours do not collide. */
export function TwoLineTick({ x, y, value }: { x: number; y: number; value: string }) {
  const [first = value, ...rest] = value.split(', ');
  return (
    <text x={x} y={y} textAnchor="middle" fill="#374151" fontSize={14}>
      <tspan x={x} dy={16}>
        {first}
      </tspan>
      {rest.length > 0 && (
        <tspan x={x} dy={18}>
          {rest.join(', ')}
        </tspan>
      )}
    </text>
  );
}
