import {
  BillingGroupBy,
  InvoiceMonth,
  MonthlySpend,
  SpendAmounts,
} from '@infra-atlas/inventory-common';
import { MonthAttribution, ProjectAttribution } from '../store/BillingFigures';

/**
 * One breakdown of a month's spend: every spend row goes whole to one row of the breakdown, or
 * in equal shares to the N owners, SIGs or Systems of a shared project, or to the explicit
 * unattributed row. So the rows always add up to the month's total, credits included once.
 */

/** The key of the row that holds what no owner, SIG or System accounts for. */
export const UNATTRIBUTED_KEY = 'unattributed';

/** The rule every breakdown follows, in words, for the report's `splitRule`. */
export const SPLIT_RULE =
  "A project's spend goes to its owner groups, to its owners' SIGs and to the Systems with parts in it. A project with N owners, SIGs or Systems gives each an equal 1/N share; a project with none, or not in the catalog, goes to the unattributed row (Unowned, No SIG, No system), as do charges not tied to a project. Each month uses the ownership recorded while it was open.";

const UNATTRIBUTED_TITLES: Record<BillingGroupBy, string> = {
  project: 'No project',
  owner: 'Unowned',
  sig: 'No SIG',
  system: 'No system',
  service: 'No service',
};

/** Why spend reached the unattributed row; the row's note says it. */
type Causes = {
  noProject: boolean;
  unknownProjects: Set<string>;
  /** Known projects with no owner (owner), no SIG (sig) or no System (system). */
  emptyProjects: Set<string>;
};

/** A breakdown row being summed up. */
export type RowSum = SpendAmounts & {
  key: string;
  title: string;
  entityRef?: string;
  unattributed?: boolean;
  /** Shared projects that gave this row a share: project ID → how many shared it. */
  shared: Map<string, number>;
  causes?: Causes;
};

/** Finds a project's attribution in one month: the month's record, else today's. */
export type AttributionLookup = (
  month: InvoiceMonth,
  projectId: string,
) => ProjectAttribution | undefined;

export function attributionLookup(
  recorded: MonthAttribution[],
  current: ProjectAttribution[],
): AttributionLookup {
  const today = new Map(current.map(a => [a.projectId, a]));
  const months = new Map<InvoiceMonth, Map<string, ProjectAttribution>>();
  for (const attribution of recorded) {
    let month = months.get(attribution.month);
    if (!month) {
      month = new Map();
      months.set(attribution.month, month);
    }
    month.set(attribution.projectId, attribution);
  }
  return (month, projectId) =>
    months.get(month)?.get(projectId) ?? today.get(projectId);
}

/** What the catalog calls the entities rows are about, today. */
export type Names = {
  /** A group's or System's title; a ref the catalog no longer knows reads as its name. */
  titleOf(ref: string): string;
  /** The entity of a project, when the catalog knows it. */
  projectRefOf(projectId: string): string | undefined;
};

const ENTITY_LISTS = {
  owner: 'owners',
  sig: 'sigs',
  system: 'systems',
} as const;

/**
 * The rows of a breakdown one spend row goes to, each taking an equal share: a project's row,
 * its owners', SIGs' or Systems' rows, its service's row; none for the unattributed row.
 */
export function targetsOf(
  spend: MonthlySpend,
  groupBy: BillingGroupBy,
  attribution: ProjectAttribution | undefined,
): string[] {
  if (groupBy === 'service') return [spend.service];
  if (!spend.projectId) return [];
  if (groupBy === 'project') return [spend.projectId];
  return attribution ? attribution[ENTITY_LISTS[groupBy]] : [];
}

/** The fraction of a spend row that goes to the breakdown row `key` (0 when none). */
export function shareOf(
  spend: MonthlySpend,
  groupBy: BillingGroupBy,
  attribution: ProjectAttribution | undefined,
  key: string,
): number {
  const targets = targetsOf(spend, groupBy, attribution);
  return targets.includes(key) ? 1 / targets.length : 0;
}

/** A breakdown row's title and entity, by its key. */
function rowOf(key: string, groupBy: BillingGroupBy, names: Names): RowSum {
  if (groupBy === 'service') return newRow(key, key);
  if (groupBy === 'project') return newRow(key, key, names.projectRefOf(key));
  return newRow(key, names.titleOf(key), key);
}

function newRow(key: string, title: string, entityRef?: string): RowSum {
  return {
    key,
    title,
    ...(entityRef ? { entityRef } : {}),
    cost: 0,
    credits: 0,
    net: 0,
    shared: new Map(),
  };
}

/**
 * One month's spend (`monthSpend`, that month's rows) broken down by `groupBy`: the rows, keyed. The key of a project row is the
 * project ID, of an owner, SIG or System row its entity ref, of a service row its name.
 */
export function breakdown(
  month: InvoiceMonth,
  monthSpend: MonthlySpend[],
  groupBy: BillingGroupBy,
  attributionOf: AttributionLookup,
  names: Names,
): Map<string, RowSum> {
  const rows = new Map<string, RowSum>();
  for (const item of monthSpend) {
    const attribution = item.projectId
      ? attributionOf(month, item.projectId)
      : undefined;
    const targets = targetsOf(item, groupBy, attribution);
    if (!targets.length) {
      const row = unattributedRow(rows, groupBy);
      add(row, item, 1);
      if (!item.projectId) row.causes!.noProject = true;
      else if (!attribution) row.causes!.unknownProjects.add(item.projectId);
      else row.causes!.emptyProjects.add(item.projectId);
      continue;
    }
    for (const key of targets) {
      let row = rows.get(key);
      if (!row) {
        row = rowOf(key, groupBy, names);
        rows.set(key, row);
      }
      add(row, item, 1 / targets.length);
      if (targets.length > 1) row.shared.set(item.projectId, targets.length);
    }
  }
  return rows;
}

function unattributedRow(rows: Map<string, RowSum>, groupBy: BillingGroupBy) {
  let row = rows.get(UNATTRIBUTED_KEY);
  if (!row) {
    row = {
      ...newRow(UNATTRIBUTED_KEY, UNATTRIBUTED_TITLES[groupBy]),
      unattributed: true,
      causes: {
        noProject: false,
        unknownProjects: new Set(),
        emptyProjects: new Set(),
      },
    };
    rows.set(UNATTRIBUTED_KEY, row);
  }
  return row;
}

function add(row: RowSum, spend: MonthlySpend, fraction: number) {
  row.cost += spend.cost * fraction;
  row.credits += spend.credits * fraction;
  row.net += (spend.cost + spend.credits) * fraction;
}

/** Spend rows by month: each answer walks one month's rows at a time, many times. */
export function spendByMonth(
  spend: MonthlySpend[],
): (month: InvoiceMonth) => MonthlySpend[] {
  const months = new Map<InvoiceMonth, MonthlySpend[]>();
  for (const item of spend) {
    const rows = months.get(item.month);
    if (rows) rows.push(item);
    else months.set(item.month, [item]);
  }
  return month => months.get(month) ?? [];
}

/** The sum of spend rows, as amounts. */
export function totalOf(rows: Iterable<SpendAmounts>): SpendAmounts {
  const total = { cost: 0, credits: 0, net: 0 };
  for (const row of rows) {
    total.cost += row.cost;
    total.credits += row.credits;
    total.net += row.net;
  }
  return total;
}

/** The spend rows of one month as amounts (net = cost + credits). */
export const amountsOf = (spend: MonthlySpend[]) =>
  totalOf(spend.map(s => ({ ...s, net: s.cost + s.credits })));

const NOUNS: Record<BillingGroupBy, string> = {
  project: 'projects',
  owner: 'owners',
  sig: 'SIGs',
  system: 'Systems',
  service: 'services',
};

const listed = (ids: Iterable<string>, most = 3) => {
  const all = [...ids].sort();
  return `${all.slice(0, most).join(', ')}${
    all.length > most ? ` and ${all.length - most} more` : ''
  }`;
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const EMPTY_CAUSES: Record<BillingGroupBy, string> = {
  project: '',
  owner: 'without an owner',
  sig: 'whose owners belong to no SIG',
  system: 'that no System has parts in',
  service: '',
};

/** A share of one shared project, in words. */
export const sharedNote = (
  projectId: string,
  among: number,
  groupBy: BillingGroupBy,
) =>
  `1/${among} of ${projectId}'s spend: the project is shared by ${among} ${NOUNS[groupBy]}`;

/**
 * How a row's figures were made, when not one project's spend whole: the shared projects it
 * has a share of, or what the unattributed row holds.
 */
export function noteOf(
  row: RowSum,
  groupBy: BillingGroupBy,
): string | undefined {
  if (row.causes) {
    const { noProject, unknownProjects, emptyProjects } = row.causes;
    const parts = [
      ...(emptyProjects.size
        ? [
            `${plural(emptyProjects.size, 'project')} ${
              EMPTY_CAUSES[groupBy]
            } (${listed(emptyProjects)})`,
          ]
        : []),
      ...(unknownProjects.size
        ? [
            `${plural(
              unknownProjects.size,
              'project',
            )} the catalog does not know (${listed(unknownProjects)})`,
          ]
        : []),
      ...(noProject ? ['charges not tied to a project'] : []),
    ];
    return emptyProjects.size || unknownProjects.size
      ? `Spend of ${parts.join(', ')}`
      : 'Charges not tied to a project (support, some taxes)';
  }
  if (!row.shared.size) return undefined;
  const [[projectId, among]] = [...row.shared];
  if (row.shared.size === 1) return sharedNote(projectId, among, groupBy);
  return `Equal shares of ${plural(
    row.shared.size,
    'shared project',
  )} (${listed(
    [...row.shared].map(([id, n]) => `${id} 1/${n}`),
  )}): each is split among its ${NOUNS[groupBy]}`;
}
