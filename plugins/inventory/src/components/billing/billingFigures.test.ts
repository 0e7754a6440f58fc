import {
  BillingBudget,
  BillingMonthTotal,
} from '@infra-atlas/inventory-common';
import { budgetSeries } from './billingFigures';
import { money, percentChange, shortMoney } from './billingFormat';

const month = (m: string, net: number): BillingMonthTotal => ({
  month: m,
  state: 'closed',
  cost: net,
  credits: 0,
  net,
});

const budget: BillingBudget = {
  title: 'Credit',
  amount: 1000,
  start: '2024-09',
  end: '2025-02',
  spent: 300,
  projected: 900,
  projectionBasis: '',
};

describe('budgetSeries', () => {
  it('walks the cumulative spend back from what is spent, then projects a straight line to the end', () => {
    const series = budgetSeries(
      budget,
      [month('2024-09', 100), month('2024-10', 80), month('2024-11', 120)],
      '2024-11',
    );
    expect(series).toEqual([
      { month: '2024-09', spent: 100 },
      { month: '2024-10', spent: 180 },
      // The projection starts where the spending stands.
      { month: '2024-11', spent: 300, projected: 300 },
      { month: '2024-12', projected: 500 },
      { month: '2025-01', projected: 700 },
      { month: '2025-02', projected: 900 },
    ]);
  });

  it("counts the cost before credits for a budget measured by cost (a credit grant's draw-down)", () => {
    const series = budgetSeries(
      { ...budget, measure: 'cost', spent: 3000, projected: 9000 },
      [
        { ...month('2024-10', 10), cost: 1000 },
        { ...month('2024-11', 20), cost: 2000 },
      ],
      '2024-11',
    );
    expect(series.slice(1, 4)).toEqual([
      { month: '2024-10', spent: 1000 },
      { month: '2024-11', spent: 3000, projected: 3000 },
      { month: '2024-12', projected: 5000 },
    ]);
  });

  it('leaves blank the months before one the trend does not cover, rather than guessing', () => {
    const series = budgetSeries(budget, [month('2024-11', 120)], '2024-11');
    expect(series.slice(0, 3)).toEqual([
      { month: '2024-09' },
      { month: '2024-10', spent: 180 },
      { month: '2024-11', spent: 300, projected: 300 },
    ]);
  });

  it('projects nothing in the last month of the period', () => {
    const series = budgetSeries(budget, [], '2025-02');
    expect(series[series.length - 1]).toEqual({ month: '2025-02', spent: 300 });
    expect(series.every(p => p.projected === undefined)).toBe(true);
  });
});

describe('money', () => {
  it('writes whole units in the currency, short forms and signed changes', () => {
    expect(money(212340.4, 'USD')).toBe('$212,340');
    expect(money(1000, 'EUR')).toBe('€1,000');
    expect(shortMoney(2712345, 'USD')).toBe('$2.71M');
    expect(percentChange(212340, 204000)).toBe('+4.1%');
    expect(percentChange(100, -200)).toBe('+150%');
    expect(percentChange(100, 0)).toBeUndefined();
    expect(percentChange(100, undefined)).toBeUndefined();
  });
});
