import { GcpBillingAccount, billingAccountId } from './accounts';
import { sliceMonthlyUse, MonthlyUse } from './exportBuilder';
import { BillingExportTable, invoiceMonthsEndingWith } from './exportTable';
import { hash } from './k8sInfraBilling';
import { GcpEstate, GcpOrganization, GcpProject } from '../gcp/estate';
import { prng, Random } from '../shared/random';

const ACCOUNT_NAMES = ['Engineering', 'Research', 'Shared services'];

const SERVICES: Array<[string, number]> = [
  ['Compute Engine', 15],
  ['Cloud Storage', 8],
  ['Kubernetes Engine', 3],
  ['BigQuery', 4],
  ['Cloud SQL', 6],
  ['Networking', 6],
  ['Cloud Run', 5],
  ['Cloud Logging', 2],
  ['Pub/Sub', 2],
];

/**
 * 1–3 billing accounts (by seed) for a synthetic estate: the first is the parent (reseller)
 * account, the others its subaccounts; projects are spread over them, and every 17th project
 * has no billing account.
 */
export function syntheticBillingAccounts(
  organization: GcpOrganization,
  projects: GcpProject[],
  seed: number,
): GcpBillingAccount[] {
  const count = 1 + (seed % 3);
  const names = Array.from({ length: count }, (_, i) => {
    const hex = (hash(`${seed}:${i}`) >>> 0)
      .toString(16)
      .toUpperCase()
      .padStart(8, '0');
    return `billingAccounts/0${i}${hex.slice(0, 4)}-${hex.slice(
      4,
      8,
    )}${hex.slice(0, 2)}-${hex.slice(2, 8)}`;
  });
  return names.map((name, i) => ({
    name,
    displayName: `${ACCOUNT_NAMES[i]} billing`,
    open: true,
    parent: organization.name,
    masterBillingAccount: i === 0 ? '' : names[0],
    currencyCode: 'USD',
    projects: projects
      .filter((_, p) => p % 17 !== 16 && p % count === i)
      .map(project => project.projectId),
  }));
}

/** A project's monthly cost: a tenth are heavy, a third medium, the rest small. */
function monthlyScale(random: Random): number {
  const tier = random.next();
  if (tier < 0.1) return 5_000 + random.int(45_000);
  if (tier < 0.43) return 200 + random.int(4_800);
  return 5 + random.int(195);
}

export type SyntheticBillingExportOptions = {
  /** The last invoice month (`YYYYMM`). Default `202405`, the k8s-infra snapshot's. */
  lastInvoiceMonth?: string;
  /** Default 24. */
  months?: number;
  /** Same seed, same export. Default 1. */
  seed?: number;
};

/**
 * SYNTHETIC spend for every project with billing in a synthetic estate, in one export table of
 * the parent account (a parent account's export carries its subaccounts' rows): a tenth of
 * the projects are heavy, a third medium, the rest small; each uses 1–5 services, grows or
 * shrinks along its own trend with noise, starts in the month it was created, and a deleted
 * project's spend stops three months before the end.
 */
export function generateSyntheticBillingExport(
  estate: GcpEstate,
  options: SyntheticBillingExportOptions = {},
): BillingExportTable {
  const { lastInvoiceMonth = '202405', months: count = 24, seed = 1 } = options;
  const accounts = estate.billingAccounts ?? [];
  if (accounts.length === 0) {
    throw new Error('The estate has no billing accounts to export');
  }
  const months = invoiceMonthsEndingWith(lastInvoiceMonth, count);
  const billed = new Set(accounts.filter(a => a.open).flatMap(a => a.projects));
  const uses: MonthlyUse[] = [];
  for (const project of estate.projects.filter(p => billed.has(p.projectId))) {
    const random = prng(hash(`${seed}:${project.projectId}`));
    const scale = monthlyScale(random);
    const services = random.some(SERVICES, 1 + random.int(5));
    const trend = (random.next() - 0.4) * 0.04;
    const firstMonth = project.createTime.slice(0, 7).replace('-', '');
    const lastIndex =
      project.state === 'DELETE_REQUESTED' ? count - 4 : count - 1;
    months.forEach((month, i) => {
      if (month < firstMonth || i > lastIndex) return;
      services.forEach(([service, skus], s) => {
        uses.push({
          invoiceMonth: month,
          projectId: project.projectId,
          service,
          cost:
            (scale / (s + 1)) *
            (1 + trend) ** (i - count + 1) *
            (0.9 + 0.2 * random.next()),
          creditShares: service === 'Compute Engine' ? [0.1] : [],
          skus,
          lateShare: s === 0 && i < count - 1 ? 0.01 : 0,
        });
      });
    });
  }
  return {
    tableId: `billing-admin-${seed}.billing_export.gcp_billing_export_v1_${billingAccountId(
      accounts[0].name,
    ).replace(/-/g, '_')}`,
    location: 'US',
    slices: uses.flatMap(sliceMonthlyUse),
  };
}
