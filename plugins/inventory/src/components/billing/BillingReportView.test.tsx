import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { BillingReport } from '@infra-atlas/inventory-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { novemberBySig } from '../../__testUtils__/billing';
import { BillingReportView } from './BillingReportView';
import { readSavedCsv } from '../../__testUtils__/savedCsv';

const render = (
  report: BillingReport,
  handlers: Partial<{
    onMonth: jest.Mock;
    onGroupBy: jest.Mock;
    focus: string;
  }> = {},
) =>
  renderInTestApp(
    <BillingReportView
      report={report}
      focus={handlers.focus}
      onMonth={handlers.onMonth ?? jest.fn()}
      onGroupBy={handlers.onGroupBy ?? jest.fn()}
    />,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

const rowTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map(row =>
      Array.from(row.querySelectorAll('th, td'), cell => cell.textContent),
    );

describe('BillingReportView', () => {
  it('leads with the month against the last one, and the budget', async () => {
    await render(novemberBySig);
    const headline = screen.getByRole('region', { name: 'Headline' });
    expect(headline).toHaveTextContent(
      'November 2024: $212,340 net, +4.1% on October 2024 ($204,000).',
    );
    expect(headline).toHaveTextContent(
      '$1,212,340 of usage, $1,000,000 of it covered by credits. The month is still open',
    );
    expect(headline).toHaveTextContent(
      'Projected $2.7M of $3M (Google credit grant) by December 2024: within it at this rate.',
    );
    // Where the figures come from, before them: the deployment's note and the read's time.
    expect(
      screen.getByRole('note', { name: 'Where these figures come from' }),
    ).toHaveTextContent(
      'These figures are synthetic: the snapshot does not hold the real ones. Read from the billing export 2024-12-02 06:00 UTC.',
    );
  });

  it('says when the budget runs out at this rate', async () => {
    await render({
      ...novemberBySig,
      budget: {
        ...novemberBySig.budget!,
        projected: 3200000,
        exhaustedIn: '2024-12',
      },
    });
    expect(screen.getByRole('region', { name: 'Headline' })).toHaveTextContent(
      'Projected $3.2M of $3M (Google credit grant) by December 2024: at this rate it runs out in December 2024.',
    );
  });

  it('breaks the month down in a table whose rows add up to the total, the unattributed row explained', async () => {
    await render(novemberBySig);
    const table = screen.getByRole('table', {
      name: 'Spend by SIG, November 2024',
    });
    expect(rowTexts(table)).toEqual([
      [
        'SIG',
        'Nov 2024',
        'Oct 2024',
        'Change',
        '%',
        'Share',
        'Cost',
        'Credits',
      ],
      [
        'sig-k8s-infra',
        '$150,000',
        '$140,000',
        '+$10,000',
        '+7.1%',
        '70.6%',
        '$900,000',
        '-$750,000',
      ],
      [
        'sig-testing',
        '$50,001',
        '$52,000',
        '-$2,000',
        '-3.8%',
        '23.5%',
        '$300,001',
        '-$250,000',
      ],
      [
        'sig-releasehalf of k8s-staging-releng\'s spend: the project is shared by 2 SIGs, "sig-release" and sig-k8s-infra',
        '$10,000',
        '–',
        '+$10,000',
        'new',
        '4.7%',
        '$10,000',
        '$0',
      ],
      [
        'No SIGSpend of 1 project whose owners are in no SIG (k8s-gsuite), charges not tied to a project',
        '$2,339',
        '$12,000',
        '-$9,661',
        '-80.5%',
        '1.1%',
        '$2,339',
        '$0',
      ],
      [
        'Total',
        '$212,340',
        '$204,000',
        '+$8,340',
        '+4.1%',
        '100%',
        '$1,212,340',
        '-$1,000,000',
      ],
    ]);
    // Rows with an entity link to its page, by its title.
    expect(
      within(table).getByRole('link', { name: 'sig-k8s-infra' }),
    ).toHaveAttribute('href', '/catalog/default/group/sig-k8s-infra');
    expect(within(table).queryByRole('link', { name: 'No SIG' })).toBeNull();
    expect(
      screen.getByText(
        'The rows add up to the month\'s total, $212,340, "No SIG" included: what nothing attributes to a SIG is listed as its own row, not left out.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'A project shared by N SIGs gives each an equal Nth of its spend.',
      ),
    ).toBeInTheDocument();
    // The chart draws a bar per row for each month, with a sentence saying what it shows.
    const chart = screen.getByRole('figure', { name: 'Spend by SIG' });
    expect(chart.querySelectorAll('.recharts-bar-rectangle').length).toBe(8);
    expect(chart).toHaveTextContent(
      'Net spend by SIG, November 2024 against October 2024.',
    );
  });

  it('downloads the breakdown as CSV: a header with the currency, every row unrounded, adding up to the total', async () => {
    await render(novemberBySig);
    const saved = readSavedCsv();
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Download CSV: Spend by SIG, November 2024',
      }),
    );
    const { fileName, lines } = await saved;
    expect(fileName).toBe('billing-2024-11-by-sig.csv');
    expect(lines[0]).toEqual([
      'SIG',
      'Net 2024-11 (USD)',
      'Net 2024-10 (USD)',
      'Change (USD)',
      'Change (%)',
      'Share (%)',
      'Cost 2024-11 (USD)',
      'Credits 2024-11 (USD)',
      'Catalog entity',
      'Note',
    ]);
    expect(lines[1].slice(0, 4)).toEqual([
      'sig-k8s-infra',
      '150000.25',
      '140000',
      '10000.25',
    ]);
    expect(lines[1][8]).toBe('group:default/sig-k8s-infra');
    // The note's quotes and comma survive the quoting.
    expect(lines[3][9]).toBe(novemberBySig.rows[2].note);
    expect(lines[4].slice(0, 3)).toEqual(['No SIG', '2339.125', '12000']);
    const rows = lines.slice(1);
    expect(rows).toHaveLength(4);
    const sum = (column: number) =>
      rows.reduce((total, row) => total + Number(row[column]), 0);
    expect(sum(1)).toBeCloseTo(novemberBySig.total.net, 6);
    expect(sum(6)).toBeCloseTo(novemberBySig.total.cost, 6);
    expect(sum(7)).toBeCloseTo(novemberBySig.total.credits, 6);
  });

  it('lists the top movers with their change, and offers them as CSV', async () => {
    await render(novemberBySig);
    const movers = screen.getByRole('table', {
      name: 'Top movers by SIG, November 2024',
    });
    expect(rowTexts(movers).map(row => [row[0], row[3], row[4]])).toEqual([
      ['SIG', 'Change', '%'],
      ['sig-k8s-infra', '+$10,000', '+7.1%'],
      [expect.stringMatching(/^sig-release/), '+$10,000', 'new'],
      [expect.stringMatching(/^No SIG/), '-$9,661', '-80.5%'],
    ]);
    expect(
      screen.getByRole('button', {
        name: 'Download CSV: Top movers by SIG, November 2024',
      }),
    ).toBeInTheDocument();
  });

  it('shows the budget month by month: spent to date, then projected', async () => {
    await render(novemberBySig);
    const table = screen.getByRole('table', {
      name: 'Google credit grant, January 2024 to December 2024',
    });
    const rows = rowTexts(table);
    expect(rows[1]).toEqual(['January 2024', '$230,000', '–']);
    expect(rows[11]).toEqual(['November 2024', '$2,486,340', '$2,486,340']);
    expect(rows[12]).toEqual(['December 2024', '–', '$2,700,000']);
    // The file holds the budget too, which the page says in the chart.
    const saved = readSavedCsv();
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Download CSV: Google credit grant, January 2024 to December 2024',
      }),
    );
    const { lines } = await saved;
    expect(lines[0]).toEqual([
      'Month',
      'Spent to date (USD)',
      'Projected to date (USD)',
      'Budget (USD)',
    ]);
    expect(lines[12]).toEqual(['2024-12', '', '2700000', '3000000']);
    expect(
      screen.getByRole('figure', { name: 'Spend against the budget' }),
    ).toHaveTextContent(
      'Spent so far, plus the average net of the last 3 closed months for each month left.',
    );
  });

  it('shows the months, newest first, a month without data said as such rather than as zero', async () => {
    await render(novemberBySig);
    const table = screen.getByRole('table', {
      name: 'Spend per month, December 2023 to November 2024',
    });
    const rows = rowTexts(table);
    expect(rows[1]).toEqual([
      'November 2024',
      '$1,212,340',
      '-$1,000,000',
      '$212,340',
      'open: can still change',
    ]);
    expect(rows[rows.length - 1]).toEqual([
      'December 2023',
      '–',
      '–',
      '–',
      'no data in the export',
    ]);
    expect(
      screen.getByRole('figure', { name: 'Spend per month' }),
    ).toHaveTextContent('1 month has no data in the export and no bar.');
  });

  it('asks for another month from the picker and another breakdown from the tabs', async () => {
    const onMonth = jest.fn();
    const onGroupBy = jest.fn();
    await render(novemberBySig, { onMonth, onGroupBy });
    const picker = screen.getByLabelText('Month');
    expect(picker).toHaveValue('2024-11');
    expect(
      within(picker)
        .getAllByRole('option')
        .map(o => o.textContent)
        .slice(0, 2),
    ).toEqual(['November 2024', 'October 2024']);
    expect(
      within(picker).getByRole('option', { name: /December 2023/ }),
    ).toHaveTextContent('December 2023 (no data in the export)');
    fireEvent.change(picker, { target: { value: '2024-10' } });
    expect(onMonth).toHaveBeenCalledWith('2024-10');

    expect(screen.getByRole('tab', { name: 'By SIG' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    fireEvent.click(screen.getByRole('tab', { name: 'By Service' }));
    expect(onGroupBy).toHaveBeenCalledWith('service');
  });

  it('marks the row of the entity it was opened for', async () => {
    await render(novemberBySig, { focus: 'group:default/sig-testing' });
    expect(
      screen.getByText(
        'sig-testing: $50,001 in November 2024, marked in the table below.',
      ),
    ).toBeInTheDocument();
    const marked = screen
      .getByRole('table', { name: 'Spend by SIG, November 2024' })
      .querySelector('[aria-current="true"]');
    expect(marked).toHaveTextContent(/^sig-testing\$50,001/);
  });

  it('says a month has no data instead of showing zeros', async () => {
    await render({
      ...novemberBySig,
      month: '2023-12',
      previousMonth: '2023-11',
      monthState: 'no-data',
      total: { cost: 0, credits: 0, net: 0 },
      previousTotal: undefined,
      rows: [],
      movers: [],
      budget: undefined,
    });
    expect(screen.getByRole('region', { name: 'Headline' })).toHaveTextContent(
      'December 2023: no billing figures.The billing export has no rows for this month',
    );
    expect(
      screen.getByText(
        'No breakdown for December 2023: the billing export has no rows for it.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /^Spend by SIG/ })).toBeNull();
    expect(screen.queryByRole('table', { name: /^Top movers/ })).toBeNull();
  });

  it('says the figures are the last ones read when the export cannot be read', async () => {
    await render({
      ...novemberBySig,
      freshness: {
        refreshedAt: '2024-12-02T06:00:00.000Z',
        lastError: 'BigQuery answered 403: access denied to the export table',
      },
    });
    await waitFor(() =>
      expect(
        screen.getByText(
          'Warning: Figures from 2024-12-02 06:00 UTC: the billing export has not been read since',
        ),
      ).toBeInTheDocument(),
    );
    expect(
      screen.getByText(/The last attempt said: BigQuery answered 403/),
    ).toBeInTheDocument();
  });
});
