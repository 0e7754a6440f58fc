import type { protos } from '@google-cloud/billing';
import { BILLING_ACCOUNT_NAME, GcpBillingAccount } from './accounts';
import { GcpEstate } from '../gcp/estate';
import { PageLimits, paginate } from '../gcp/pagination';
import { UnaryHandlers } from '../gcp/protos';
import { found, invalidArgument, permissionDenied } from '../gcp/status';

type V1 = typeof protos.google.cloud.billing.v1;
/** A decoded request message (all fields present, see protos.ts). */
type Request<T extends keyof V1> = V1[T] extends new () => infer R ? R : never;
type ProjectBillingInfo = protos.google.cloud.billing.v1.IProjectBillingInfo;

/** Both list methods document 100 as the default and the maximum page size. */
const PAGE_LIMITS: PageLimits = { defaultSize: 100, maxSize: 100 };

/** The only filter the real API supports: the subaccounts of one reseller account. */
const MASTER_FILTER =
  /^master_billing_account\s*=\s*"?(billingAccounts\/[^"\s]+)"?$/;

const ORGANIZATION_NAME = /^organizations\/\d+$/;

/**
 * Cloud Billing v1 (`google.cloud.billing.v1.CloudBilling`): the accounts a crawler can see
 * and the projects linked to each, paged per account. Like the real API, an account the caller
 * cannot read is PERMISSION_DENIED whether or not it exists when listing its projects, while
 * getting an unknown account or project is NOT_FOUND.
 */
export function cloudBillingHandlers(estate: GcpEstate): UnaryHandlers {
  const accounts = estate.billingAccounts ?? [];
  const byName = new Map(accounts.map(account => [account.name, account]));
  const accountOf = new Map(
    accounts.flatMap(account =>
      account.projects.map(projectId => [projectId, account] as const),
    ),
  );
  const projectIds = new Set(estate.projects.map(p => p.projectId));

  const readable = (name: string): GcpBillingAccount => {
    if (!BILLING_ACCOUNT_NAME.test(name)) {
      throw invalidArgument(
        `Invalid billing account name "${name}": expected billingAccounts/{billing_account_id}`,
      );
    }
    const account = byName.get(name);
    if (account?.restricted) {
      throw permissionDenied(
        `The caller does not have permission on ${name} (billing.accounts.get)`,
      );
    }
    return found(account, name);
  };

  const billingInfo = (projectId: string): ProjectBillingInfo => {
    const account = accountOf.get(projectId);
    return {
      name: `projects/${projectId}/billingInfo`,
      projectId,
      billingAccountName: account?.name ?? '',
      billingEnabled: account?.open ?? false,
    };
  };

  return {
    GetBillingAccount(request: Request<'GetBillingAccountRequest'>) {
      return toBillingAccount(readable(request.name));
    },

    ListBillingAccounts(request: Request<'ListBillingAccountsRequest'>) {
      const { filter, parent } = request;
      if (parent && !ORGANIZATION_NAME.test(parent)) {
        throw invalidArgument(
          `Invalid parent "${parent}": expected organizations/{organization_id}`,
        );
      }
      const master = filter ? MASTER_FILTER.exec(filter.trim()) : null;
      if (filter && !master) {
        throw invalidArgument(
          `Invalid filter "${filter}": only master_billing_account=billingAccounts/{id} is supported`,
        );
      }
      const listed = accounts.filter(
        account =>
          !account.restricted &&
          (!parent || account.parent === parent) &&
          (!master || account.masterBillingAccount === master[1]),
      );
      const { page, nextPageToken } = paginate(
        listed,
        request,
        { filter, parent },
        PAGE_LIMITS,
      );
      return { billingAccounts: page.map(toBillingAccount), nextPageToken };
    },

    ListProjectBillingInfo(request: Request<'ListProjectBillingInfoRequest'>) {
      if (
        !byName.has(request.name) &&
        BILLING_ACCOUNT_NAME.test(request.name)
      ) {
        // Listing cannot tell "missing" from "not yours".
        throw permissionDenied(
          `The caller does not have permission on ${request.name} (billing.resourceAssociations.list)`,
        );
      }
      const account = readable(request.name);
      const { page, nextPageToken } = paginate(
        account.projects,
        request,
        { name: request.name },
        PAGE_LIMITS,
      );
      return { projectBillingInfo: page.map(billingInfo), nextPageToken };
    },

    GetProjectBillingInfo(request: Request<'GetProjectBillingInfoRequest'>) {
      const match = /^projects\/([^/]+)$/.exec(request.name);
      if (!match) {
        throw invalidArgument(
          `Invalid project name "${request.name}": expected projects/{project_id}`,
        );
      }
      return billingInfo(
        found(projectIds.has(match[1]) ? match[1] : undefined, request.name),
      );
    },
  };
}

function toBillingAccount(account: GcpBillingAccount) {
  return {
    name: account.name,
    displayName: account.displayName,
    open: account.open,
    parent: account.parent,
    masterBillingAccount: account.masterBillingAccount,
    currencyCode: account.currencyCode,
  };
}
