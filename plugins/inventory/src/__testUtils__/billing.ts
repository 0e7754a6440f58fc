import {
  BillingMonthTotal,
  BillingReport,
  EntityCost,
} from '@infra-atlas/inventory-common';

/*
 * Billing answers as the inventory backend gives them (plugins/inventory-common/src/billing.ts),
 * for the report page's and the cards' tests. The amounts carry fractions of a cent, as the
 * export's do, so that a test can tell rounded figures from unrounded ones.
 */

const closed = (month: string, net: number): BillingMonthTotal => ({
  month,
  state: 'closed',
  cost: net * 5,
  credits: -net * 4,
  net,
});

/** November 2024 by SIG: $212,340 net, +4.1% on October's $204,000; rows add up exactly. */
export const novemberBySig: BillingReport = {
  currency: 'USD',
  groupBy: 'sig',
  month: '2024-11',
  monthState: 'open',
  previousMonth: '2024-10',
  total: { cost: 1212340, credits: -1000000, net: 212340 },
  previousTotal: { cost: 1020000, credits: -816000, net: 204000 },
  rows: [
    {
      key: 'group:default/sig-k8s-infra',
      entityRef: 'group:default/sig-k8s-infra',
      title: 'sig-k8s-infra',
      cost: 900000.25,
      credits: -750000,
      net: 150000.25,
      previousNet: 140000,
      change: 10000.25,
    },
    {
      key: 'group:default/sig-testing',
      entityRef: 'group:default/sig-testing',
      title: 'sig-testing',
      cost: 300000.5,
      credits: -250000,
      net: 50000.5,
      previousNet: 52000,
      change: -1999.5,
    },
    {
      key: 'group:default/sig-release',
      entityRef: 'group:default/sig-release',
      title: 'sig-release',
      cost: 10000.125,
      credits: 0,
      net: 10000.125,
      change: 10000.125,
      note: 'half of k8s-staging-releng\'s spend: the project is shared by 2 SIGs, "sig-release" and sig-k8s-infra',
    },
    {
      key: 'unattributed',
      title: 'No SIG',
      unattributed: true,
      note: 'Spend of 1 project whose owners are in no SIG (k8s-gsuite), charges not tied to a project',
      cost: 2339.125,
      credits: 0,
      net: 2339.125,
      previousNet: 12000,
      change: -9660.875,
    },
  ],
  movers: [],
  months: [
    { month: '2023-12', state: 'no-data', cost: 0, credits: 0, net: 0 },
    ...[
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
    ].map(month => closed(month, 230000)),
    closed('2024-10', 204000),
    {
      month: '2024-11',
      state: 'open',
      cost: 1212340,
      credits: -1000000,
      net: 212340,
    },
  ],
  budget: {
    title: 'Google credit grant',
    amount: 3000000,
    start: '2024-01',
    end: '2024-12',
    spent: 2486340,
    projected: 2700000,
    projectionBasis:
      'Spent so far, plus the average net of the last 3 closed months for each month left.',
  },
  splitRule: 'A project shared by N SIGs gives each an equal Nth of its spend.',
  freshness: { refreshedAt: '2024-12-02T06:00:00.000Z', bytesProcessed: 1e9 },
  note: 'These figures are synthetic: the snapshot does not hold the real ones.',
};
novemberBySig.movers = [
  novemberBySig.rows[0],
  novemberBySig.rows[2],
  novemberBySig.rows[3],
];

/** What sig-k8s-infra costs: three months, its top services and projects. */
export const sigK8sInfraCost: EntityCost = {
  entityRef: 'group:default/sig-k8s-infra',
  currency: 'USD',
  months: [
    {
      month: '2024-09',
      state: 'closed',
      cost: 800000,
      credits: -650000,
      net: 150000,
    },
    {
      month: '2024-10',
      state: 'closed',
      cost: 780000,
      credits: -640000,
      net: 140000,
    },
    {
      month: '2024-11',
      state: 'open',
      cost: 900000.25,
      credits: -750000,
      net: 150000.25,
    },
  ],
  topServices: [
    { service: 'Cloud Storage', cost: 500000, credits: -420000, net: 80000 },
    { service: 'Networking', cost: 400000.25, credits: -330000, net: 70000.25 },
  ],
  topProjects: [
    {
      key: 'k8s-artifacts-prod',
      entityRef: 'resource:default/gcp-project--k8s-artifacts-prod',
      title: 'k8s-artifacts-prod',
      cost: 850000,
      credits: -720000,
      net: 130000,
      previousNet: 120000,
      change: 10000,
    },
  ],
  note: 'These figures are synthetic: the snapshot does not hold the real ones.',
  freshness: { refreshedAt: '2024-12-02T06:00:00.000Z' },
};
