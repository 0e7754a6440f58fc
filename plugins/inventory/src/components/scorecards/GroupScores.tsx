import { NO_GROUP_KEY, ScoreTotals } from '@infra-atlas/inventory-common';
import Button from '@material-ui/core/Button';
import { useTheme } from '@material-ui/core/styles';
import { Bar, BarChart, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { refTitle } from '../Evidence';
import { failingChecks, percent } from '../inventoryLabels';
import { ChartFrame } from './ChartFrame';

export type GroupBy = 'owner' | 'system';

/** The backend's key for entities with no owner or no system. */

/** Bars drawn: the lowest scores, where the work is; the table below lists every group. */
const CHART_LIMIT = 25;
const BAR_HEIGHT = 22;

export const groupName = (key: string, by: GroupBy) =>
  key === NO_GROUP_KEY ? `(no ${by})` : refTitle(key);

type Group = { key: string; totals: ScoreTotals };

function Summary(props: { groups: Group[]; by: GroupBy; charted: number }) {
  const { groups, by, charted } = props;
  const [lowest, highest] = [groups[0], groups[groups.length - 1]];
  return (
    <figcaption>
      {groups.length} {by}s, from {groupName(lowest.key, by)} at{' '}
      {percent(lowest.totals.score)} to {groupName(highest.key, by)} at{' '}
      {percent(highest.totals.score)}.
      {charted < groups.length
        ? ` The chart shows the ${charted} lowest; the table lists all ${groups.length}.`
        : ''}
    </figcaption>
  );
}

/**
 * The score of each owner or system: a bar chart of the lowest, and a table of all of them that
 * is the chart's text alternative and, with a button per row, its keyboard way to select one.
 * Groups come worst first, as the backend sorts them.
 */
export function GroupScores(props: {
  by: GroupBy;
  groups: Group[];
  selected?: string;
  onSelect: (key: string) => void;
}) {
  const { by, groups, selected, onSelect } = props;
  const theme = useTheme();
  if (!groups.length) return null;
  const charted = groups.slice(0, CHART_LIMIT).map(g => ({
    key: g.key,
    name: groupName(g.key, by),
    score: Math.round(g.totals.score * 100),
  }));
  return (
    <>
      <figure aria-label={`Score per ${by}`} style={{ margin: 0 }}>
        {/* The table below says the same to screen readers and keyboards. */}
        <div aria-hidden="true">
          <ChartFrame height={charted.length * BAR_HEIGHT + 40}>
            <BarChart
              data={charted}
              layout="vertical"
              margin={{ left: 8, right: 16 }}
            >
              <XAxis type="number" domain={[0, 100]} unit="%" />
              <YAxis
                type="category"
                dataKey="name"
                width={220}
                tickFormatter={(name: string) =>
                  name.length > 26 ? `${name.slice(0, 25)}…` : name
                }
              />
              <Tooltip formatter={(value: number) => [`${value}%`, 'Score']} />
              <Bar
                dataKey="score"
                cursor="pointer"
                isAnimationActive={false}
                onClick={(bar: { key: string }) =>
                  bar.key !== NO_GROUP_KEY && onSelect(bar.key)
                }
              >
                {charted.map(g => (
                  <Cell
                    key={g.key}
                    fill={
                      g.key === selected
                        ? theme.palette.secondary.main
                        : theme.palette.primary.main
                    }
                  />
                ))}
              </Bar>
            </BarChart>
          </ChartFrame>
        </div>
        <Summary groups={groups} by={by} charted={charted.length} />
      </figure>
      <table
        aria-label={`Scores per ${by}`}
        style={{ borderSpacing: '16px 0', marginTop: 16 }}
      >
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left' }}>
              {by === 'owner' ? 'Owner' : 'System'}
            </th>
            <th scope="col">Score</th>
            <th scope="col">Entities</th>
            <th scope="col">Failing checks</th>
          </tr>
        </thead>
        <tbody>
          {groups.map(g => (
            <tr key={g.key}>
              <th scope="row" style={{ textAlign: 'left' }}>
                {g.key === NO_GROUP_KEY ? (
                  groupName(g.key, by)
                ) : (
                  <Button
                    size="small"
                    color={g.key === selected ? 'secondary' : 'primary'}
                    aria-pressed={g.key === selected}
                    onClick={() => onSelect(g.key)}
                    style={{
                      textTransform: 'none',
                      minWidth: 0,
                      justifyContent: 'flex-start',
                    }}
                  >
                    {groupName(g.key, by)}
                  </Button>
                )}
              </th>
              <td align="right">{percent(g.totals.score)}</td>
              <td align="right">{g.totals.entities}</td>
              <td align="right">{failingChecks(g.totals)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
