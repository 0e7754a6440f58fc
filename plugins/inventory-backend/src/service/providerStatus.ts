import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ProviderStatus } from '@infra-atlas/inventory-common';
import { DeclaredProject } from '../queries/drift';

/** The status routes the Infra Atlas catalog modules serve under the catalog plugin. */
const STATUS_ROUTES = ['gcp-inventory/status', 'github-inventory/status'];

/** The body of a provider module's status route (`providerStatusReport` in inventory-node). */
type StatusReport = {
  providers: Array<{
    id: string;
    status: ProviderStatus;
    runs: Array<{ details?: { declaredGcpProjects?: DeclaredProject[] } }>;
  }>;
};

export type ProviderStatusSnapshot = {
  providers: ProviderStatus[];
  /** From the last GitHub run that read infra.yaml; undefined if none did. */
  declaredProjects?: DeclaredProject[];
};

/**
 * Reads the crawl runs the catalog modules keep, over HTTP with the inventory's service
 * token. A module that is not installed answers 404 and is left out; one that fails is
 * logged and left out, so the index still builds.
 */
export async function readProviderStatus(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
}): Promise<ProviderStatusSnapshot> {
  const baseUrl = await options.discovery.getBaseUrl('catalog');
  const { token } = await options.auth.getPluginRequestToken({
    onBehalfOf: await options.auth.getOwnServiceCredentials(),
    targetPluginId: 'catalog',
  });
  const snapshot: ProviderStatusSnapshot = { providers: [] };
  for (const route of STATUS_ROUTES) {
    try {
      const response = await fetch(`${baseUrl}/${route}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status === 404) continue;
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      const body = (await response.json()) as StatusReport;
      for (const provider of body.providers) {
        snapshot.providers.push(provider.status);
        const declared = provider.runs.find(r => r.details?.declaredGcpProjects)
          ?.details?.declaredGcpProjects;
        if (declared && !snapshot.declaredProjects)
          snapshot.declaredProjects = declared;
      }
    } catch (error) {
      options.logger.warn(
        `Could not read crawl status from catalog route ${route}: ${
          (error as Error).message
        }`,
      );
    }
  }
  return snapshot;
}
