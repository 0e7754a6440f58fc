import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { BillingRow, InvoiceMonth } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import {
  money,
  percentChange,
  share,
  shortMonthName,
  signedMoney,
} from './billingFormat';
import { FigureColumn } from './FigureTable';

/** A row's name: a link to its entity's page when it has one, with how it was derived. */
export function RowName(props: { row: BillingRow }) {
  const { row } = props;
  return (
    <>
      {row.entityRef ? (
        <EntityRefLink entityRef={row.entityRef} title={row.title} />
      ) : (
        row.title
      )}
      {row.note && (
        <Typography variant="caption" component="div" color="textSecondary">
          {row.note}
        </Typography>
      )}
    </>
  );
}

/** Which months a table of rows compares, and in what currency. */
export type RowContext = {
  month: InvoiceMonth;
  previousMonth: InvoiceMonth;
  currency: string;
};

/**
 * The columns of a table of billing rows (a breakdown, the movers, a group's projects): its
 * name, the month's net against the previous month's, and the change. With `total`, each row's
 * share of it and the month's cost and credits follow. The file also holds each row's entity
 * ref and note, which the page shows as a link and a caption.
 */
export function rowColumns(
  context: RowContext,
  options: { nameTitle: string; total?: number },
): FigureColumn<BillingRow>[] {
  const { month, previousMonth, currency } = context;
  const inCurrency = (title: string) => `${title} (${currency})`;
  const columns: FigureColumn<BillingRow>[] = [
    {
      title: options.nameTitle,
      render: row => <RowName row={row} />,
      value: row => row.title,
    },
    {
      title: shortMonthName(month),
      csvTitle: inCurrency(`Net ${month}`),
      numeric: true,
      render: row => money(row.net, currency),
      value: row => row.net,
    },
    {
      title: shortMonthName(previousMonth),
      csvTitle: inCurrency(`Net ${previousMonth}`),
      numeric: true,
      render: row =>
        row.previousNet === undefined ? '–' : money(row.previousNet, currency),
      value: row => row.previousNet,
    },
    {
      title: 'Change',
      csvTitle: inCurrency('Change'),
      numeric: true,
      render: row => signedMoney(row.change, currency),
      value: row => row.change,
    },
    {
      title: '%',
      csvTitle: 'Change (%)',
      numeric: true,
      render: row =>
        percentChange(row.net, row.previousNet) ??
        (row.previousNet === undefined ? 'new' : '–'),
      value: row =>
        row.previousNet ? (row.change / Math.abs(row.previousNet)) * 100 : '',
    },
  ];
  const total = options.total;
  if (total !== undefined) {
    columns.push(
      {
        title: 'Share',
        csvTitle: 'Share (%)',
        numeric: true,
        render: row => share(row.net, total),
        value: row => (total ? (row.net / total) * 100 : ''),
      },
      {
        title: 'Cost',
        csvTitle: inCurrency(`Cost ${month}`),
        numeric: true,
        render: row => money(row.cost, currency),
        value: row => row.cost,
      },
      {
        title: 'Credits',
        csvTitle: inCurrency(`Credits ${month}`),
        numeric: true,
        render: row => money(row.credits, currency),
        value: row => row.credits,
      },
    );
  }
  columns.push(
    {
      title: 'Catalog entity',
      csvOnly: true,
      render: () => null,
      value: row => row.entityRef,
    },
    {
      title: 'Note',
      csvOnly: true,
      render: () => null,
      value: row => row.note,
    },
  );
  return columns;
}
