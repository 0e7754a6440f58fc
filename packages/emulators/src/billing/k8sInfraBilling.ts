import { GcpBillingAccount, billingAccountId } from './accounts';
import { sliceMonthlyUse, MonthlyUse } from './exportBuilder';
import { BillingExportTable, invoiceMonthsEndingWith } from './exportTable';
import { GcpEstate, GcpOrganization, GcpProject } from '../gcp/estate';
import { prng } from '../shared/random';

/**
 * SYNTHETIC billing for the k8s-infra snapshot: the snapshot has no billing figures (the real
 * ones are not public in this form), so who pays and what it costs are made up here, shaped
 * like the project's public reports: serving artifacts (registry.k8s.io, dl.k8s.io) dominates,
 * CI (Prow build clusters, the e2e/boskos projects) comes next, then a long tail of small
 * staging projects, and a credit grant pays for most of it.
 */

/** The audit's month (2024-05-06): the export ends with this invoice month. */
export const K8S_INFRA_LAST_INVOICE_MONTH = '202405';

const MAIN_ACCOUNT = 'billingAccounts/018B55-5F3E0C-7F9B1A';
const LEGACY_ACCOUNT = 'billingAccounts/01A2C4-8D1E3F-B06A57';

/** Linked to the closed legacy account: billing disabled. */
const BILLING_DISABLED = [
  'k8s-gcr-audit-test-prod',
  'k8s-gcr-backup-test-prod-bak',
];
/** Not linked to any account. */
const NO_BILLING = ['k8s-infra-purgatory', 'k8s-gcr-backup-test-prod'];

/** The credit grant, and the one discount Compute Engine also gets. */
const GRANT = 0.95;
const SUSTAINED_USE = 0.03;

/** The project whose spend jumps in the last month: the one clear mover. */
export const K8S_INFRA_MOVER = 'k8s-infra-e2e-scale-5k-project';

/**
 * The organization's billing accounts: the open one paying for every project but four; a
 * closed legacy account two test projects are still linked to (billing disabled); two
 * projects have no billing account at all.
 */
export function k8sInfraBillingAccounts(
  organization: GcpOrganization,
  projects: GcpProject[],
): GcpBillingAccount[] {
  const account = (
    name: string,
    displayName: string,
    open: boolean,
    ids: string[],
  ): GcpBillingAccount => ({
    name,
    displayName,
    open,
    parent: organization.name,
    masterBillingAccount: '',
    currencyCode: 'USD',
    projects: ids,
  });
  const elsewhere = new Set([...BILLING_DISABLED, ...NO_BILLING]);
  return [
    account(
      MAIN_ACCOUNT,
      'Kubernetes project (credit grant)',
      true,
      projects.map(p => p.projectId).filter(id => !elsewhere.has(id)),
    ),
    account(LEGACY_ACCOUNT, 'kubernetes.io legacy', false, BILLING_DISABLED),
  ];
}

type Profile = {
  /** Monthly cost per service in the last month, in USD. */
  services: Record<string, number>;
  /** Cost 23 months before the last, as a share of the last month's (growth). */
  start: number;
  /** Month-to-month noise, as a share. */
  noise: number;
};

const SKUS: Record<string, number> = {
  'Cloud Storage': 8,
  Networking: 6,
  'Compute Engine': 15,
  'Kubernetes Engine': 3,
  'Artifact Registry': 4,
  'Cloud Run': 5,
  BigQuery: 4,
  'Cloud Build': 2,
};

/** The spend profile of a snapshot project, by its role (from its ID). */
function profile(projectId: string, r: () => number): Profile {
  const around = (amount: number) => amount * (0.7 + 0.6 * r());
  if (projectId === 'k8s-artifacts-prod') {
    return {
      services: {
        'Cloud Storage': 82_000,
        Networking: 24_000,
        'Artifact Registry': 9_000,
      },
      start: 0.7,
      noise: 0.03,
    };
  }
  if (projectId === 'k8s-infra-oci-proxy-prod') {
    return {
      services: {
        'Cloud Run': 14_000,
        Networking: 17_000,
        'Artifact Registry': 5_000,
      },
      start: 0.45,
      noise: 0.03,
    };
  }
  if (
    /^k8s-(artifacts|infra-releases|infra-oci-proxy|release)/.test(projectId)
  ) {
    return {
      services: { 'Cloud Storage': around(3_000), Networking: around(2_500) },
      start: 0.8,
      noise: 0.05,
    };
  }
  if (projectId === 'k8s-infra-prow-build') {
    return {
      services: {
        'Compute Engine': 22_000,
        'Kubernetes Engine': 2_400,
        'Cloud Storage': 3_500,
        Networking: 1_800,
      },
      start: 0.85,
      noise: 0.04,
    };
  }
  if (projectId === 'k8s-infra-prow-build-trusted') {
    return {
      services: {
        'Compute Engine': 3_200,
        'Kubernetes Engine': 400,
        'Cloud Storage': 300,
      },
      start: 0.9,
      noise: 0.04,
    };
  }
  if (projectId === K8S_INFRA_MOVER) {
    return {
      services: { 'Compute Engine': 6_500, Networking: 600 },
      start: 0.9,
      noise: 0.03,
    };
  }
  if (/^k8s-infra-e2e-/.test(projectId)) {
    return {
      services: {
        'Compute Engine': around(110),
        Networking: around(12),
        'Cloud Storage': around(6),
      },
      start: 0.8,
      noise: 0.08,
    };
  }
  if (projectId === 'kubernetes-public') {
    return {
      services: {
        'Kubernetes Engine': 2_100,
        'Compute Engine': 6_800,
        BigQuery: 1_400,
        'Cloud Storage': 900,
      },
      start: 0.9,
      noise: 0.04,
    };
  }
  if (/^k8s-staging-/.test(projectId)) {
    return {
      services: {
        'Cloud Storage': around(25),
        'Cloud Build': around(12),
        'Artifact Registry': around(8),
      },
      start: 0.8,
      noise: 0.1,
    };
  }
  return {
    services: { 'Cloud Storage': around(40), 'Compute Engine': around(60) },
    start: 0.9,
    noise: 0.1,
  };
}

/** Where the export lives: the billing dataset the snapshot lists in kubernetes-public. */
export const K8S_INFRA_EXPORT_TABLE = `kubernetes-public.kubernetes_public_billing.gcp_billing_export_v1_${billingAccountId(
  MAIN_ACCOUNT,
).replace(/-/g, '_')}`;

/**
 * The main account's export over the 24 invoice months ending with the snapshot's month, for
 * the projects it pays for, each from the month it was created. Deterministic. Serving and CI
 * grow slowly with noise; the scale-test project triples its Compute Engine use in the last
 * month; two projects' rows arrive late every month (in the next month's first partitions);
 * a support charge is tied to no project.
 */
export function k8sInfraBillingExport(estate: GcpEstate): BillingExportTable {
  const months = invoiceMonthsEndingWith(K8S_INFRA_LAST_INVOICE_MONTH, 24);
  const main = (estate.billingAccounts ?? []).find(
    a => a.name === MAIN_ACCOUNT,
  );
  const paid = new Set(main?.projects ?? []);
  const uses: MonthlyUse[] = [];
  for (const project of estate.projects.filter(p => paid.has(p.projectId))) {
    const random = prng(hash(project.projectId));
    const { services, start, noise } = profile(project.projectId, random.next);
    const firstMonth = project.createTime.slice(0, 7).replace('-', '');
    months.forEach((month, i) => {
      if (month < firstMonth) return;
      const trend = start + ((1 - start) * i) / (months.length - 1);
      for (const [service, last] of Object.entries(services)) {
        const jump =
          project.projectId === K8S_INFRA_MOVER &&
          service === 'Compute Engine' &&
          i === months.length - 1
            ? 2.9
            : 1;
        uses.push({
          invoiceMonth: month,
          projectId: project.projectId,
          service,
          cost: last * trend * jump * (1 + noise * (2 * random.next() - 1)),
          creditShares:
            service === 'Compute Engine'
              ? [SUSTAINED_USE, GRANT - SUSTAINED_USE]
              : [GRANT],
          skus: SKUS[service] ?? 2,
          lateShare:
            i < months.length - 1 &&
            ((project.projectId === 'k8s-artifacts-prod' &&
              service === 'Cloud Storage') ||
              (project.projectId === 'k8s-infra-prow-build' &&
                service === 'Compute Engine'))
              ? 0.02
              : 0,
        });
      }
    });
  }
  for (const month of months) {
    uses.push({
      invoiceMonth: month,
      projectId: null,
      service: 'Support',
      cost: 150,
      creditShares: [GRANT],
      skus: 1,
    });
  }
  return {
    tableId: K8S_INFRA_EXPORT_TABLE,
    location: 'US',
    slices: uses.flatMap(sliceMonthlyUse),
  };
}

/** A stable 32-bit seed from a project ID (FNV-1a), so each project has its own series. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}
