import Typography from '@material-ui/core/Typography';
import { ReactElement, ReactNode } from 'react';
import { ChartFrame } from '../scorecards/ChartFrame';

/**
 * A billing chart as a figure: the recharts chart, hidden from screen readers because the table
 * that goes with it says the same, and a caption saying what it shows.
 */
export function ChartFigure(props: {
  label: string;
  height: number;
  caption: ReactNode;
  children: ReactElement<{ width?: number; height?: number }>;
}) {
  const { label, height, caption, children } = props;
  return (
    <figure aria-label={label} style={{ margin: 0 }}>
      <div aria-hidden="true">
        <ChartFrame height={height}>{children}</ChartFrame>
      </div>
      <figcaption>
        <Typography variant="caption">{caption}</Typography>
      </figcaption>
    </figure>
  );
}
