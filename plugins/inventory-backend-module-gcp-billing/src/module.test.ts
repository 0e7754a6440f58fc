import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  BillingSource,
  inventoryBillingExtensionPoint,
} from '@infra-atlas/plugin-inventory-node';
import { inventoryModuleGcpBilling } from './module';

/** The inventory's side of the extension point, as its plugin registers it. */
function inventoryCollecting(sources: BillingSource[]) {
  return createBackendPlugin({
    pluginId: 'inventory',
    register(env) {
      env.registerExtensionPoint(inventoryBillingExtensionPoint, {
        addBillingSource: source => sources.push(source),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('inventoryModuleGcpBilling', () => {
  it('adds a GCP billing source when inventory.billing.gcp is configured, without reaching Google', async () => {
    const sources: BillingSource[] = [];
    const backend = await startTestBackend({
      features: [
        inventoryCollecting(sources),
        inventoryModuleGcpBilling,
        mockServices.rootConfig.factory({
          data: {
            inventory: {
              billing: {
                gcp: {
                  exportTable:
                    'k8s-infra-billing.billing.gcp_billing_export_v1_0A',
                  currency: 'EUR',
                },
              },
            },
          },
        }),
      ],
    });
    expect(sources.map(s => [s.id, s.currency])).toEqual([
      ['gcp-billing:k8s-infra-billing.billing.gcp_billing_export_v1_0A', 'EUR'],
    ]);
    await backend.stop();
  });

  it('adds none without the configuration', async () => {
    const sources: BillingSource[] = [];
    const backend = await startTestBackend({
      features: [inventoryCollecting(sources), inventoryModuleGcpBilling],
    });
    expect(sources).toEqual([]);
    await backend.stop();
  });

  it('stops the backend at start-up on an export table that is not project.dataset.table', async () => {
    await expect(
      startTestBackend({
        features: [
          inventoryCollecting([]),
          inventoryModuleGcpBilling,
          mockServices.rootConfig.factory({
            data: {
              inventory: {
                billing: { gcp: { exportTable: 'billing_export' } },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      "inventory.billing.gcp.exportTable must be project.dataset.table, not 'billing_export'",
    );
  });
});
