import { createBackendModule } from '@backstage/backend-plugin-api';
import { InvoiceMonth, MonthlySpend } from '@infra-atlas/inventory-common';
import {
  BillingSource,
  inventoryBillingExtensionPoint,
} from '@infra-atlas/plugin-inventory-node';

/**
 * A billing export in memory behind the BillingSource contract, for the route and action
 * tests: the GCP module reads the real one from the BigQuery emulator in its own tests.
 */
export function memoryBillingSource(rows: MonthlySpend[]): BillingSource {
  return {
    id: 'memory-billing',
    currency: 'USD',
    async listProjectBilling() {
      return [...new Set(rows.map(r => r.projectId))]
        .filter(Boolean)
        .map(projectId => ({
          projectId,
          billingAccount: 'billingAccounts/0000AA-BBBBBB-CCCCCC',
          billingEnabled: true,
        }));
    },
    async readSpend(months: InvoiceMonth[]) {
      const read = rows.filter(r => months.includes(r.month));
      return {
        rows: read,
        monthsWithData: [...new Set(read.map(r => r.month))],
        bytesProcessed: 1000,
        queries: 1,
      };
    },
    async coveredMonths() {
      return [...new Set(rows.map(r => r.month))].sort();
    },
  };
}

/** A module that gives the inventory `source`, as a billing module does. */
export const billingSourceModule = (source: BillingSource) =>
  createBackendModule({
    pluginId: 'inventory',
    moduleId: 'test-billing',
    register(reg) {
      reg.registerInit({
        deps: { billing: inventoryBillingExtensionPoint },
        async init({ billing }) {
          billing.addBillingSource(source);
        },
      });
    },
  });
