import { BackendFeature } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  inventoryBillingReadPermission,
  MonthlySpend,
} from '@infra-atlas/inventory-common';
import { inventoryPlugin } from '../plugin';
import { billingSourceModule, memoryBillingSource } from './billingSource';

/**
 * The inventory plugin served by a test backend over a catalog of `entities`, as the route
 * tests need it: only the users in `personalDetailsReaders` may see personal details, and the
 * index is built once at start-up. `get` fetches a path under /api/inventory, as an ordinary
 * user unless another authorization header is given. With `billing`, a billing source serves
 * those spend rows, or the given billing module reads them (the store's first refresh runs at
 * start-up), and everyone but the users in `billing.denied` may read them.
 */
export async function startInventoryBackend(options: {
  entities: Entity[];
  personalDetailsReaders?: string[];
  billing?: {
    /** The export's rows, served by a source in memory... */
    rows?: MonthlySpend[];
    /** ...or a billing module, e.g. the GCP one reading the emulators. */
    module?: BackendFeature;
    config?: object;
    denied?: string[];
  };
}) {
  const readers = new Set(options.personalDetailsReaders ?? []);
  const billingDenied = new Set(options.billing?.denied ?? []);
  const backend = await startTestBackend({
    features: [
      inventoryPlugin,
      ...(options.billing
        ? [
            options.billing.module ??
              billingSourceModule(
                memoryBillingSource(options.billing.rows ?? []),
              ),
          ]
        : []),
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.permissions.mock({
        authorize: async (requests, { credentials }) => {
          const user =
            (credentials.principal as { userEntityRef?: string })
              .userEntityRef ?? '';
          return requests.map(({ permission }) => ({
            result: (
              permission.name === inventoryBillingReadPermission.name
                ? !billingDenied.has(user)
                : readers.has(user)
            )
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          }));
        },
        // Every caller reads the whole catalog here; permissions.test.ts runs the real policy.
        authorizeConditional: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      }).factory,
      mockServices.rootConfig.factory({
        // No initial delay: the test backend's scheduler runs the build once at start-up.
        data: {
          inventory: {
            schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
            billing: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
              ...options.billing?.config,
            },
          },
        },
      }),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}/api/inventory`;

  const get = async (
    path: string,
    authorization = mockCredentials.user.header(),
  ) => {
    const res = await fetch(`${baseUrl}/${path}`, {
      headers: { authorization },
    });
    const text = await res.text();
    return {
      status: res.status,
      text,
      body: res.headers.get('content-type')?.includes('json')
        ? JSON.parse(text)
        : undefined,
    };
  };

  return { baseUrl, get, stop: () => backend.stop() };
}
