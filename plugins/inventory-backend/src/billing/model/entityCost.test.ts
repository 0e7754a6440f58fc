import { currentAttributions, namesFrom } from './attribution';
import { costMonths, costSubject, entityCost } from './entityCost';
import {
  COMPANY_RULES,
  companyGraph,
  figuresOf,
  k8sInfraGraph,
  spend,
} from './__testUtils__/estates';

const graph = companyGraph();
const context = {
  current: currentAttributions(graph, COMPANY_RULES),
  names: namesFrom(graph),
  note: 'These figures are synthetic.',
};
const figures = figuresOf(
  [
    spend('2026-10', 'shared-network', 'Networking', 200),
    spend('2026-11', 'data-warehouse', 'BigQuery', 1000, -200),
    spend('2026-11', 'data-warehouse', 'Cloud Storage', 50),
    spend('2026-11', 'shared-network', 'Networking', 300, -50),
    spend('2026-11', 'web-frontend', 'Compute Engine', 500),
  ],
  [
    ['2026-09', 'no-data'],
    ['2026-10', 'closed'],
    ['2026-11', 'open'],
  ],
);
const months = costMonths(figures.months, 3, '2026-12');

const costOf = (ref: string) =>
  entityCost(figures, costSubject(graph, ref, COMPANY_RULES), months, context);

describe('entityCost', () => {
  it('a project: its own spend, month by month, with its services', () => {
    const cost = costOf('resource:default/gcp-project--data-warehouse');
    expect(months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(cost.months).toEqual([
      { month: '2026-09', state: 'no-data', cost: 0, credits: 0, net: 0 },
      { month: '2026-10', state: 'closed', cost: 0, credits: 0, net: 0 },
      { month: '2026-11', state: 'open', cost: 1050, credits: -200, net: 850 },
    ]);
    expect(cost.topServices.map(s => [s.service, s.net])).toEqual([
      ['BigQuery', 800],
      ['Cloud Storage', 50],
    ]);
    expect(cost.topProjects).toBeUndefined();
    expect(cost.note).toBe('These figures are synthetic.');
  });

  it('a group: its owner share, shared projects halved, with its projects', () => {
    const cost = costOf('group:default/team-web');
    expect(cost.months.map(m => m.net)).toEqual([0, 100, 625]);
    expect(cost.topProjects).toEqual([
      {
        key: 'web-frontend',
        title: 'web-frontend',
        entityRef: 'resource:default/gcp-project--web-frontend',
        cost: 500,
        credits: 0,
        net: 500,
        change: 500,
      },
      {
        key: 'shared-network',
        title: 'shared-network',
        entityRef: 'resource:default/gcp-project--shared-network',
        cost: 150,
        credits: -25,
        net: 125,
        previousNet: 100,
        change: 25,
        note: "1/2 of shared-network's spend: the project is shared by 2 owners",
      },
    ]);
    expect(cost.basis).toMatch(/^Web team's share as owner/);
  });

  it('a SIG group: the share of everything its groups own', () => {
    const cost = costOf('group:default/division-data');
    expect(cost.months.at(-1)?.net).toBe(850 + 125);
    expect(cost.basis).toMatch(/share as a SIG/);
  });

  it('a System: the share of the projects it has parts in', () => {
    const cost = costOf('system:default/storefront');
    // web-frontend whole, shared-network halved with analytics.
    expect(cost.months.at(-1)?.net).toBe(625);
  });

  it('refuses entities spend is not attributed to, and entities the inventory does not know', () => {
    expect(() => costSubject(graph, 'component:default/checkout')).toThrow(
      /must be a GCP project, a group or a System/,
    );
    expect(() => costSubject(graph, 'group:default/nobody')).toThrow(
      'No entity group:default/nobody in the inventory',
    );
  });

  it('on the k8s-infra snapshot: SIG Testing through the Prow on-call group’s projects', () => {
    const k8s = k8sInfraGraph();
    const boskos = spend(
      '2026-11',
      'k8s-infra-e2e-boskos-001',
      'Compute Engine',
      90,
    );
    const k8sFigures = figuresOf(
      [boskos, spend('2026-11', 'kubernetes-public', 'Cloud Storage', 60)],
      [['2026-11', 'closed']],
    );
    const ctx = { current: currentAttributions(k8s), names: namesFrom(k8s) };
    const cost = (ref: string) =>
      entityCost(k8sFigures, costSubject(k8s, ref), ['2026-11'], ctx);
    expect(cost('group:default/sig-testing').months[0].net).toBe(90);
    expect(
      cost('group:default/k8s-infra-prow-oncall--kubernetes.io').basis,
    ).toMatch(/share as owner/);
    expect(cost('system:default/gcsweb').topProjects?.[0]).toMatchObject({
      key: 'kubernetes-public',
      net: 10,
      note: "1/6 of kubernetes-public's spend: the project is shared by 6 Systems",
    });
  });

  it('lists a group’s five largest projects on its card, however many it owns', () => {
    const k8s = k8sInfraGraph();
    const boskos = Array.from({ length: 8 }, (_, i) =>
      spend(
        '2026-11',
        `k8s-infra-e2e-boskos-00${i + 1}`,
        'Compute Engine',
        10 + i,
      ),
    );
    const cost = entityCost(
      figuresOf(boskos, [['2026-11', 'closed']]),
      costSubject(k8s, 'group:default/k8s-infra-prow-oncall--kubernetes.io'),
      ['2026-11'],
      { current: currentAttributions(k8s), names: namesFrom(k8s) },
    );
    expect(cost.months[0].net).toBe(10 * 8 + 28);
    expect(cost.topProjects?.map(p => p.key)).toEqual([
      'k8s-infra-e2e-boskos-008',
      'k8s-infra-e2e-boskos-007',
      'k8s-infra-e2e-boskos-006',
      'k8s-infra-e2e-boskos-005',
      'k8s-infra-e2e-boskos-004',
    ]);
  });
});
