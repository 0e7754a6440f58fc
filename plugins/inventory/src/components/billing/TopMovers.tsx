import { BillingReport, typeNoun } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { GROUP_BY_TITLES } from './billingFigures';
import { monthName } from './billingFormat';
import { csvFileName } from './csv';
import { FigureTable } from './FigureTable';
import { rowColumns } from './rowColumns';

/** What moved most since the previous month, in the chosen breakdown, largest change first. */
export function TopMovers(props: { report: BillingReport }) {
  const { report } = props;
  const { movers, groupBy, month, previousMonth } = report;
  const by = GROUP_BY_TITLES[groupBy];
  if (!movers.length) {
    return (
      <Typography variant="body2">
        Nothing moved: every {typeNoun(groupBy, 1)} spent the same in{' '}
        {monthName(month)} as in {monthName(previousMonth)}.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" style={{ marginBottom: 8 }}>
        The {movers.length} {typeNoun(groupBy, movers.length)} whose net spend
        changed most from {monthName(previousMonth)}.
      </Typography>
      <FigureTable
        label={`Top movers by ${by}, ${monthName(month)}`}
        columns={rowColumns(report, { nameTitle: by })}
        rows={movers}
        rowKey={row => row.key}
        fileName={csvFileName(month, 'movers-by', groupBy)}
      />
    </>
  );
}
