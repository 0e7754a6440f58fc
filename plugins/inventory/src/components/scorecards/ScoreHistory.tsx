import { CompletenessResponse } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { failingChecks, percent } from '../inventoryLabels';
import { ChartFrame } from './ChartFrame';

type History = CompletenessResponse['history'];

function summary(history: History): string {
  const first = history[0];
  const last = history[history.length - 1];
  if (history.length === 1) {
    return `${percent(last.totals.score)} on ${
      last.day
    }, the only day recorded so far.`;
  }
  return `From ${percent(first.totals.score)} on ${first.day} to ${percent(
    last.totals.score,
  )} on ${last.day}, over ${history.length} recorded days.`;
}

/**
 * The daily score, one point per day the inventory recorded, with a sentence and a table that
 * say the same for screen readers and keyboards.
 */
export function ScoreHistory(props: { history: History; label: string }) {
  const { history, label } = props;
  const theme = useTheme();
  if (!history.length) {
    return (
      <Typography variant="body2">
        No daily totals yet: the inventory records one per day it builds.
      </Typography>
    );
  }
  const data = history.map(h => ({
    day: h.day,
    score: Math.round(h.totals.score * 1000) / 10,
  }));
  return (
    <figure aria-label={`Daily score of ${label}`} style={{ margin: 0 }}>
      <div aria-hidden="true">
        <ChartFrame height={220}>
          <LineChart data={data} margin={{ left: 0, right: 16, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip formatter={(value: number) => [`${value}%`, 'Score']} />
            <Line
              dataKey="score"
              stroke={theme.palette.primary.main}
              isAnimationActive={false}
              dot
            />
          </LineChart>
        </ChartFrame>
      </div>
      <figcaption>{summary(history)}</figcaption>
      <details>
        <summary>Daily totals as a table</summary>
        <table
          aria-label={`Daily totals of ${label}`}
          style={{ borderSpacing: '16px 0' }}
        >
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Score</th>
              <th scope="col">Entities</th>
              <th scope="col">Failing checks</th>
            </tr>
          </thead>
          <tbody>
            {history.map(h => (
              <tr key={h.day}>
                <th scope="row">{h.day}</th>
                <td align="right">{percent(h.totals.score)}</td>
                <td align="right">{h.totals.entities}</td>
                <td align="right">{failingChecks(h.totals)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
