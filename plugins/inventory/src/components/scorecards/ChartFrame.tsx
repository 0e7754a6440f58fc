import { ReactElement, cloneElement } from 'react';
import { ResponsiveContainer } from 'recharts';

/** The width a chart gets when its container cannot be measured. */
const FALLBACK_WIDTH = 640;

/**
 * A recharts chart as wide as its container. ResponsiveContainer measures with ResizeObserver;
 * where there is none (jsdom in the tests, old embedded browsers) it would measure nothing and
 * draw an empty box, so the chart gets a fixed width instead and is still drawn.
 */
export function ChartFrame(props: {
  height: number;
  children: ReactElement<{ width?: number; height?: number }>;
}) {
  const { height, children } = props;
  if (typeof ResizeObserver === 'undefined') {
    return cloneElement(children, { width: FALLBACK_WIDTH, height });
  }
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}
