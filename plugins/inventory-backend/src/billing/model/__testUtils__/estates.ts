import { Entity } from '@backstage/catalog-model';
import {
  BillingMonthState,
  InvoiceMonth,
  MonthlySpend,
} from '@infra-atlas/inventory-common';
import { entity } from '@infra-atlas/test-utils';
import { InventoryGraph } from '../../../graph/InventoryGraph';
import { MonthAttribution } from '../../store/BillingFigures';
import { BillingFigures } from '../../store/BillingFigures';
import { FiguresRead } from '../figures';
import snapshot from './k8sInfraAttribution.json';

/** The k8s-infra snapshot's entities that attribution reads (see dumpK8sInfraAttribution.mjs). */
export const k8sInfraEntities = (): Entity[] =>
  (snapshot as Omit<Entity, 'apiVersion'>[]).map(e => ({
    apiVersion: 'backstage.io/v1alpha1',
    ...e,
    metadata: { namespace: 'default', ...e.metadata },
  }));

export const k8sInfraGraph = () => InventoryGraph.build(k8sInfraEntities());

const project = (
  id: string,
  owner: string,
  relations: [string, string][] = [],
) =>
  entity(`resource:gcp-project--${id}`, {
    type: 'gcp-project',
    annotations: { 'infra-atlas.io/gcp-project-id': id },
    spec: { owner },
    relations,
  });

/**
 * A company-shaped estate, unlike k8s-infra: teams under divisions (`spec.parent`), no
 * sigs.yaml and no groups.yaml. data-warehouse belongs to the data team, web-frontend to the
 * web team, shared-network to both (a co-owner), sandbox to nobody; the analytics System has a
 * bucket in data-warehouse and in shared-network, the storefront System is the web-frontend
 * project and an app running in shared-network.
 */
export const companyEntities = (): Entity[] => [
  entity('group:division-data', { type: 'division' }),
  entity('group:division-web', { type: 'division' }),
  entity('group:team-data', {
    type: 'team',
    relations: [['childOf', 'group:division-data']],
  }),
  entity('group:team-web', {
    type: 'team',
    title: 'Web team',
    relations: [['childOf', 'group:division-web']],
  }),
  project('data-warehouse', 'group:team-data'),
  project('web-frontend', 'group:team-web', [['partOf', 'system:storefront']]),
  project('shared-network', 'group:team-data', [
    ['ownedBy', 'group:team-data'],
    ['ownedBy', 'group:team-web'],
  ]),
  project('sandbox', 'group:unowned'),
  entity('system:analytics', { spec: { owner: 'group:team-data' } }),
  entity('system:storefront', { spec: { owner: 'group:team-web' } }),
  entity('resource:bucket--warehouse-exports', {
    type: 'gcs-bucket',
    relations: [
      ['childOf', 'resource:gcp-project--data-warehouse'],
      ['partOf', 'system:analytics'],
    ],
  }),
  entity('resource:bucket--flow-logs', {
    type: 'gcs-bucket',
    relations: [
      ['childOf', 'resource:gcp-project--shared-network'],
      ['partOf', 'system:analytics'],
    ],
  }),
  entity('resource:gke-cluster--edge', {
    type: 'gke-cluster',
    relations: [['childOf', 'resource:gcp-project--shared-network']],
  }),
  entity('component:checkout', {
    type: 'service',
    relations: [
      ['runsOn', 'resource:gke-cluster--edge'],
      ['partOf', 'system:storefront'],
    ],
  }),
];

export const companyGraph = () => InventoryGraph.build(companyEntities());

/** The company estate's SIG rule: a team's division, through `spec.parent`. */
export const COMPANY_RULES = { groupTypes: ['division'] };

export const spend = (
  month: InvoiceMonth,
  projectId: string,
  service: string,
  cost: number,
  credits = 0,
): MonthlySpend => ({ month, projectId, service, cost, credits });

/** Figures as the store would return them. */
export function figuresOf(
  rows: MonthlySpend[],
  months: Array<[InvoiceMonth, BillingMonthState]>,
  attributions: MonthAttribution[] = [],
): FiguresRead {
  return {
    currency: 'USD',
    months: months.map(([month, state]) => ({
      month,
      state,
      refreshedAt: '2026-12-07T10:00:00Z',
      bytesProcessed: 1000,
    })),
    spend: rows,
    attributions,
    freshness: { refreshedAt: '2026-12-07T10:00:00Z', bytesProcessed: 12000 },
  };
}

/** The store's read side over figures in memory. */
export const memoryFigures = (read: FiguresRead): BillingFigures => ({
  currency: async () => read.currency,
  months: async () => read.months,
  spend: async months => read.spend.filter(s => months.includes(s.month)),
  attributions: async months =>
    read.attributions.filter(a => months.includes(a.month)),
  projectBilling: async () => [],
  freshness: async () => read.freshness,
});
