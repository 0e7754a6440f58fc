import { InputError, NotFoundError } from '@backstage/errors';
import {
  addMonths,
  BillingRow,
  EntityCost,
  InvoiceMonth,
  MonthlySpend,
  monthsFrom,
  RESOURCE_TYPES,
  SpendAmounts,
} from '@infra-atlas/inventory-common';
import { InventoryGraph } from '../../graph/InventoryGraph';
import { StoredMonth } from '../store/BillingFigures';
import {
  DEFAULT_SIG_RULES,
  isSigGroup,
  namesFrom,
  projectIdOf,
  SigRules,
} from './attribution';
import { FiguresRead } from './figures';
import {
  attributionLookup,
  AttributionLookup,
  Names,
  shareOf,
  sharedNote,
  spendByMonth,
  totalOf,
} from './partition';
import { latestMonth, ReportContext } from './report';

/** Which breakdown row an entity's cost is: a project's, an owner's, a SIG's or a System's. */
export type CostSubject = {
  ref: string;
  title: string;
  groupBy: 'project' | 'owner' | 'sig' | 'system';
  /** The row's key: the project ID, or the entity's ref. */
  key: string;
};

/** Services and projects listed on a card (the report lists them all). */
const TOP = 5;

/**
 * What an entity's cost is (an entity ref, or a GCP project's ID): a project's own spend; a group's share as a SIG when it is one
 * (which includes what it owns itself), else as an owner; a System's share. Other entities
 * carry no spend, and asking about them is a 400.
 */
export function costSubject(
  graph: InventoryGraph,
  entityRef: string,
  rules: SigRules = DEFAULT_SIG_RULES,
): CostSubject {
  const { ref, entity } = graph.require(
    entityRef.includes(':') ? entityRef : projectRefById(graph, entityRef),
  );
  const title = graph.summary(ref).title;
  if (
    ref.startsWith('resource:') &&
    entity.spec?.type === RESOURCE_TYPES.gcpProject
  ) {
    return { ref, title, groupBy: 'project', key: projectIdOf(entity) };
  }
  if (ref.startsWith('group:')) {
    const groupBy = isSigGroup(graph, ref, rules) ? 'sig' : 'owner';
    return { ref, title, groupBy, key: ref };
  }
  if (ref.startsWith('system:')) {
    return { ref, title, groupBy: 'system', key: ref };
  }
  throw new InputError(
    `request/query/entityRef must be a GCP project, a group or a System: spend is attributed to those, not to ${entityRef}`,
  );
}

/** The entity of a GCP project named by its ID, or a 404 naming the ID. */
function projectRefById(graph: InventoryGraph, projectId: string): string {
  const ref = namesFrom(graph).projectRefOf(projectId);
  if (!ref) {
    throw new NotFoundError(`No GCP project ${projectId} in the inventory`);
  }
  return ref;
}

const BASES = {
  project: (title: string) => `The spend of project ${title}`,
  owner: (title: string) =>
    `${title}'s share as owner: the spend of the projects it owns, a project with N owners split equally`,
  sig: (title: string) =>
    `${title}'s share as a SIG: the spend of the projects its groups own, a project of N SIGs split equally`,
  system: (title: string) =>
    `${title}'s share: the spend of the projects it has parts in, a project with N Systems split equally`,
};

/** The months a card shows: `count` months ending with the latest that has data. */
export function costMonths(
  known: StoredMonth[],
  count: number,
  today: InvoiceMonth,
) {
  const last = latestMonth(known) ?? today;
  return monthsFrom(addMonths(last, 1 - count), last);
}

/** The entity's spend, month by month, and its largest services and projects in the last. */
export function entityCost(
  figures: FiguresRead,
  subject: CostSubject,
  months: InvoiceMonth[],
  context: Pick<ReportContext, 'current' | 'names' | 'note'>,
): EntityCost {
  const lookup = attributionLookup(figures.attributions, context.current);
  const spendOf = spendByMonth(figures.spend);
  const shares = (month: InvoiceMonth) =>
    sharesIn(spendOf(month), month, subject, lookup);
  const state = (month: InvoiceMonth) =>
    figures.months.find(m => m.month === month)?.state ?? 'no-data';
  const last = months.at(-1)!;
  const latest = shares(last);
  const previous = shares(addMonths(last, -1));
  return {
    entityRef: subject.ref,
    groupBy: subject.groupBy,
    currency: figures.currency,
    months: months.map(month => ({
      month,
      state: state(month),
      ...totalOf(shares(month).map(s => s.amounts)),
    })),
    topServices: summed(latest, s => s.spend.service)
      .slice(0, TOP)
      .map(([service, amounts]) => ({ service, ...amounts })),
    ...(subject.groupBy === 'project'
      ? {}
      : {
          topProjects: summed(latest, s => s.spend.projectId)
            .slice(0, TOP)
            .map(([projectId, amounts]) =>
              projectRow(
                projectId,
                amounts,
                latest,
                previous,
                subject,
                context.names,
              ),
            ),
        }),
    basis: BASES[subject.groupBy](subject.title),
    ...(context.note ? { note: context.note } : {}),
    freshness: figures.freshness,
  };
}

type Share = { spend: MonthlySpend; fraction: number; amounts: SpendAmounts };

/** The subject's share of each of one month's spend rows. */
function sharesIn(
  monthSpend: MonthlySpend[],
  month: InvoiceMonth,
  subject: CostSubject,
  lookup: AttributionLookup,
): Share[] {
  return monthSpend.flatMap(item => {
    const fraction = shareOf(
      item,
      subject.groupBy,
      item.projectId ? lookup(month, item.projectId) : undefined,
      subject.key,
    );
    return fraction
      ? [
          {
            spend: item,
            fraction,
            amounts: {
              cost: item.cost * fraction,
              credits: item.credits * fraction,
              net: (item.cost + item.credits) * fraction,
            },
          },
        ]
      : [];
  });
}

/** Shares summed by a key, largest net first. */
function summed(shares: Share[], keyOf: (share: Share) => string) {
  const sums = new Map<string, SpendAmounts[]>();
  for (const share of shares) {
    const key = keyOf(share);
    sums.set(key, [...(sums.get(key) ?? []), share.amounts]);
  }
  return [...sums]
    .map(([key, amounts]) => [key, totalOf(amounts)] as const)
    .sort((a, b) => b[1].net - a[1].net);
}

function projectRow(
  projectId: string,
  amounts: SpendAmounts,
  latest: Share[],
  previous: Share[],
  subject: CostSubject,
  names: Names,
): BillingRow {
  const before = previous.filter(s => s.spend.projectId === projectId);
  const previousNet = before.length
    ? totalOf(before.map(s => s.amounts)).net
    : undefined;
  const fraction = latest.find(s => s.spend.projectId === projectId)!.fraction;
  const projectRef = names.projectRefOf(projectId);
  return {
    key: projectId,
    title: projectId,
    ...(projectRef ? { entityRef: projectRef } : {}),
    ...amounts,
    ...(previousNet !== undefined ? { previousNet } : {}),
    change: amounts.net - (previousNet ?? 0),
    ...(fraction < 1
      ? {
          note: sharedNote(
            projectId,
            Math.round(1 / fraction),
            subject.groupBy,
          ),
        }
      : {}),
  };
}
