import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ProviderStatus } from '@infra-atlas/inventory-common';
import { DeclaredProject } from '../queries/drift';

/** The status routes the Infra Atlas catalog modules serve under the catalog plugin. */
const STATUS_ROUTES = ['gcp-inventory/status', 'github-inventory/status'];

type CrawlRun = {
  providerId: string;
  startedAt: string;
  finishedAt?: string;
  outcome: string;
  entities?: Record<string, number>;
  errors?: string[];
  details?: { declaredGcpProjects?: DeclaredProject[] };
};

export type ProviderStatusSnapshot = {
  providers: ProviderStatus[];
  /** From the last GitHub run that read infra.yaml; undefined if none did. */
  declaredProjects?: DeclaredProject[];
};

/** One provider's state from its recent runs, newest first. */
export function providerStatusOf(runs: CrawlRun[], now: Date): ProviderStatus {
  const [last] = runs;
  const success = runs.find(r => r.outcome === 'complete');
  const finished = success?.finishedAt ?? success?.startedAt;
  return {
    provider: last?.providerId ?? 'unknown',
    ...(last
      ? {
          lastRun: {
            outcome: last.outcome,
            startedAt: last.startedAt,
            ...(last.finishedAt
              ? {
                  finishedAt: last.finishedAt,
                  durationMs:
                    Date.parse(last.finishedAt) - Date.parse(last.startedAt),
                }
              : {}),
            errors: last.errors ?? [],
          },
        }
      : {}),
    ...(finished
      ? {
          lastSuccess: finished,
          staleSeconds: Math.round(
            (now.getTime() - Date.parse(finished)) / 1000,
          ),
        }
      : {}),
    entities: (success ?? last)?.entities ?? {},
  };
}

/**
 * Reads the crawl runs the catalog modules keep, over HTTP with the inventory's service
 * token. A module that is not installed answers 404 and is left out; one that fails is
 * logged and left out, so the index still builds.
 */
export async function readProviderStatus(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  now?: Date;
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
      const body = (await response.json()) as {
        providers: Array<{ id: string; runs: CrawlRun[] }>;
      };
      for (const provider of body.providers) {
        snapshot.providers.push(
          providerStatusOf(provider.runs, options.now ?? new Date()),
        );
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
