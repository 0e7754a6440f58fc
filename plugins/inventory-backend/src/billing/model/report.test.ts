import {
  BILLING_GROUP_BYS,
  BillingGroupBy,
  monthsFrom,
} from '@infra-atlas/inventory-common';
import { currentAttributions, namesFrom } from './attribution';
import {
  billingReport,
  BudgetConfig,
  monthsNeeded,
  ReportContext,
  resolveQuestion,
} from './report';
import { FiguresRead } from './figures';
import {
  COMPANY_RULES,
  companyGraph,
  figuresOf,
  k8sInfraGraph,
  spend,
} from './__testUtils__/estates';

const graph = companyGraph();
const context: ReportContext = {
  current: currentAttributions(graph, COMPANY_RULES),
  names: namesFrom(graph),
};

/** November: every kind of spend row the export has. */
const NOVEMBER = [
  spend('2026-11', 'data-warehouse', 'BigQuery', 1000, -200),
  spend('2026-11', 'shared-network', 'Networking', 300, -50),
  spend('2026-11', 'web-frontend', 'Compute Engine', 500),
  spend('2026-11', 'sandbox', 'Compute Engine', 40),
  spend('2026-11', '', 'Support', 100),
  spend('2026-11', 'ghost-project', 'Cloud Storage', 10),
];
const OCTOBER = [
  spend('2026-10', 'data-warehouse', 'BigQuery', 600, -100),
  spend('2026-10', 'web-frontend', 'Compute Engine', 500),
];
const MONTHS: Array<[string, 'open' | 'closed' | 'no-data']> = [
  ['2026-10', 'closed'],
  ['2026-11', 'open'],
];

const report = (
  figures: FiguresRead,
  groupBy: BillingGroupBy,
  month?: string,
  ctx: ReportContext = context,
) =>
  billingReport(
    figures,
    resolveQuestion({ groupBy, month }, figures.months, '2026-12'),
    ctx,
  );

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function expectPartition(r: ReturnType<typeof report>) {
  for (const field of ['cost', 'credits', 'net'] as const) {
    expect(sum(r.rows.map(row => row[field]))).toBeCloseTo(r.total[field], 6);
  }
}

describe('billingReport', () => {
  const figures = figuresOf([...OCTOBER, ...NOVEMBER], MONTHS);

  it('partitions the month’s total in every breakdown: rows add up to it, services too, credits counted once', () => {
    const totals = BILLING_GROUP_BYS.map(groupBy => {
      const r = report(figures, groupBy);
      expect(r.month).toBe('2026-11');
      expect(r.monthState).toBe('open');
      expectPartition(r);
      return r.total;
    });
    // The same total whichever way it is broken down, and the export's: 1,950 − 250.
    for (const total of totals) {
      expect(total).toEqual({ cost: 1950, credits: -250, net: 1700 });
    }
  });

  it('splits a shared project equally and says so, and gathers unowned, unknown and project-less spend in one row', () => {
    const owners = report(figures, 'owner');
    const row = (key: string) => owners.rows.find(r => r.key === key)!;
    expect(row('group:default/team-data')).toMatchObject({
      title: 'team-data',
      entityRef: 'group:default/team-data',
      net: 800 + 125,
      credits: -200 - 25,
      previousNet: 500,
      change: 425,
    });
    expect(row('group:default/team-web')).toMatchObject({
      title: 'Web team',
      net: 500 + 125,
      note: "1/2 of shared-network's spend: the project is shared by 2 owners",
    });
    expect(row('unattributed')).toEqual({
      key: 'unattributed',
      title: 'Unowned',
      unattributed: true,
      cost: 150,
      credits: 0,
      net: 150,
      change: 150,
      note: 'Spend of 1 project without an owner (sandbox), 1 project the catalog does not know (ghost-project), charges not tied to a project',
    });
    // Largest net first.
    expect(owners.rows.map(r => r.title)).toEqual([
      'team-data',
      'Web team',
      'Unowned',
    ]);
    const sigs = report(figures, 'sig');
    expect(sigs.rows.find(r => r.unattributed)?.title).toBe('No SIG');
    expect(
      sigs.rows.find(r => r.key === 'group:default/division-web')?.net,
    ).toBe(625);
    const projects = report(figures, 'project');
    expect(projects.rows.find(r => r.key === 'shared-network')).toMatchObject({
      entityRef: 'resource:default/gcp-project--shared-network',
      net: 250,
    });
    expect(
      projects.rows.find(r => r.key === 'ghost-project')?.entityRef,
    ).toBeUndefined();
    expect(projects.rows.find(r => r.unattributed)).toMatchObject({
      title: 'No project',
      net: 100,
    });
    // Services are never unattributed: every charge has one.
    expect(report(figures, 'service').rows.some(r => r.unattributed)).toBe(
      false,
    );
  });

  it('keeps a closed month’s ownership: a project that moved owner moves its spend from that month on', () => {
    // In October the warehouse belonged to the web team; the record of October is frozen.
    const moved = figuresOf([...OCTOBER, ...NOVEMBER], MONTHS, [
      {
        month: '2026-10',
        projectId: 'data-warehouse',
        owners: ['group:default/team-web'],
        sigs: ['group:default/division-web'],
        systems: [],
      },
    ]);
    const november = report(moved, 'owner');
    const row = (r: typeof november, key: string) =>
      r.rows.find(x => x.key === key);
    expect(row(november, 'group:default/team-data')).toMatchObject({
      net: 925,
      change: 925,
    });
    expect(
      row(november, 'group:default/team-data')?.previousNet,
    ).toBeUndefined();
    expect(row(november, 'group:default/team-web')).toMatchObject({
      net: 625,
      previousNet: 1000,
      change: -375,
    });
    const october = report(moved, 'owner', '2026-10');
    expect(october.rows.map(r => [r.key, r.net])).toEqual([
      ['group:default/team-web', 1000],
    ]);
    expect(november.movers.map(m => [m.key, m.change])).toEqual([
      ['group:default/team-data', 925],
      ['group:default/team-web', -375],
      ['unattributed', 150],
    ]);
  });

  it('lists a row that stopped spending among the movers', () => {
    const december = figuresOf(
      [...NOVEMBER, spend('2026-12', 'web-frontend', 'Compute Engine', 520)],
      [
        ['2026-11', 'closed'],
        ['2026-12', 'open'],
      ],
    );
    const r = report(december, 'project');
    expect(r.movers[0]).toMatchObject({
      key: 'data-warehouse',
      net: 0,
      previousNet: 800,
      change: -800,
      note: 'No spend in 2026-12',
    });
    expectPartition(r);
  });

  it('says a month has no data instead of showing zero spend, and defaults to the latest month with data', () => {
    const withEmpty = figuresOf(NOVEMBER, [
      ['2026-10', 'no-data'],
      ['2026-11', 'closed'],
      ['2026-12', 'no-data'],
    ]);
    expect(report(withEmpty, 'owner').month).toBe('2026-11');
    const december = report(withEmpty, 'owner', '2026-12');
    expect(december).toMatchObject({
      month: '2026-12',
      monthState: 'no-data',
      rows: [],
      movers: [],
      total: { cost: 0, credits: 0, net: 0 },
    });
    const november = report(withEmpty, 'owner');
    // October had no data: no previous total and no movers to compare with.
    expect(november.previousTotal).toBeUndefined();
    expect(november.movers).toEqual([]);
    expect(november.months.slice(-3)).toEqual([
      { month: '2026-09', state: 'no-data', cost: 0, credits: 0, net: 0 },
      { month: '2026-10', state: 'no-data', cost: 0, credits: 0, net: 0 },
      {
        month: '2026-11',
        state: 'closed',
        cost: 1950,
        credits: -250,
        net: 1700,
      },
    ]);
    expect(november.months).toHaveLength(12);
  });

  describe('budget', () => {
    // A month of 1,000 cost (200 of it credited) from January through November.
    const year = figuresOf(
      monthsFrom('2026-01', '2026-11').map(m =>
        spend(m, 'data-warehouse', 'BigQuery', 1000, -200),
      ),
      monthsFrom('2026-01', '2026-11').map(m => [
        m,
        m === '2026-11' ? 'open' : 'closed',
      ]),
    );
    const budget = (b: Partial<BudgetConfig>): BudgetConfig => ({
      title: 'Annual credit grant',
      amount: 11_500,
      start: '2025-01',
      months: 12,
      measure: 'cost',
      ...b,
    });
    const withBudget = (b: Partial<BudgetConfig>, month?: string) =>
      report(year, 'owner', month, { ...context, budget: budget(b) }).budget;

    it('projects the period from the average of the last three closed months, and says when it runs out', () => {
      expect(withBudget({})).toEqual({
        title: 'Annual credit grant',
        amount: 11_500,
        // The period repeats yearly from 2025-01.
        start: '2026-01',
        end: '2026-12',
        measure: 'cost',
        spent: 11_000,
        projected: 12_000,
        projectionBasis:
          'The cost before credits of 2026-01 through 2026-11, plus the average of the last 3 closed months (2026-08, 2026-09, 2026-10) for each of the 1 months left',
        exhaustedIn: '2026-12',
      });
      // Net spend, for a cash budget: 800 a month.
      expect(withBudget({ measure: 'net' })).toMatchObject({
        spent: 8800,
        projected: 9600,
      });
      expect(withBudget({ measure: 'net' })?.exhaustedIn).toBeUndefined();
    });

    it('names the month the budget was exceeded when it already is', () => {
      expect(withBudget({ amount: 4500 })?.exhaustedIn).toBe('2026-05');
    });

    it('has no budget before the first period, and no projection without a closed month', () => {
      expect(withBudget({ start: '2027-01' })).toBeUndefined();
      // The projection follows the account's recent months, from before the period too.
      expect(withBudget({ start: '2026-11' })).toMatchObject({
        start: '2026-11',
        end: '2027-10',
        spent: 1000,
        projected: 12_000,
      });
      const firstMonth = figuresOf(
        [spend('2026-11', 'web-frontend', 'Compute Engine', 700)],
        [['2026-11', 'open']],
      );
      expect(
        report(firstMonth, 'owner', undefined, {
          ...context,
          budget: budget({ start: '2026-11' }),
        }).budget,
      ).toMatchObject({
        spent: 700,
        projected: 700,
        projectionBasis:
          'The cost before credits of 2026-11 through 2026-11: no closed month yet to project the 11 months left from',
      });
    });
  });

  it('reads the trend, the month before and the budget period’s months', () => {
    const known = figuresOf([], MONTHS).months;
    const question = resolveQuestion({ groupBy: 'owner' }, known, '2026-12');
    expect(question).toEqual({
      groupBy: 'owner',
      month: '2026-11',
      from: '2025-12',
      to: '2026-11',
    });
    expect(
      monthsNeeded({ ...question, from: '2026-09' }, known, {
        title: 'b',
        amount: 1,
        start: '2026-01',
        months: 12,
        measure: 'net',
      }),
    ).toEqual(monthsFrom('2026-01', '2026-11'));
  });

  it('on the k8s-infra snapshot: every breakdown of a month of spend over its 327 projects adds up', () => {
    const k8s = k8sInfraGraph();
    const current = currentAttributions(k8s);
    // A deterministic month: each project a cost by its place in the list, 90% credited.
    const rows = current.flatMap(({ projectId }, i) => [
      spend(
        '2026-11',
        projectId,
        'Cloud Storage',
        10 + (i % 17) * 3.7,
        -(10 + (i % 17) * 3.7) * 0.9,
      ),
      spend('2026-11', projectId, 'Compute Engine', (i % 5) * 11.3),
    ]);
    rows.push(spend('2026-11', '', 'Support', 400));
    const month = figuresOf(rows, [['2026-11', 'closed']]);
    const ctx = { current, names: namesFrom(k8s) };
    const sigs = report(month, 'sig', undefined, ctx);
    for (const groupBy of BILLING_GROUP_BYS) {
      const r = report(month, groupBy, undefined, ctx);
      expectPartition(r);
      expect(r.total.net).toBeCloseTo(sigs.total.net, 6);
    }
    expect(
      sigs.rows.find(r => r.key === 'group:default/sig-testing')?.title,
    ).toBe('SIG Testing');
    expect(sigs.rows.find(r => r.unattributed)?.note).toMatch(
      /^Spend of 14 projects whose owners belong to no SIG \(.*\), charges not tied to a project$/,
    );
    const systems = report(month, 'system', undefined, ctx);
    expect(
      systems.rows.find(r => r.key === 'system:default/gcsweb')?.note,
    ).toBe(
      "1/6 of kubernetes-public's spend: the project is shared by 6 Systems",
    );
  });
});
