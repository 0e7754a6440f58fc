import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DriftResponse,
  EntityScorecard,
  StatusResponse,
} from '@infra-atlas/inventory-common';
import { InventoryGraph } from '../graph/InventoryGraph';
import { TimeSlicer } from '../graph/timeSlices';
import {
  LinkOptions,
  linkRules,
  resolveLinksInSlices,
} from '../links/resolveLinks';
import { groupTotals, scorecard, totalsOf } from '../queries/completeness';
import { DeclaredProject, driftInSlices } from '../queries/drift';
import { emeritusPeople, emeritusPrincipals } from '../queries/people';
import { prepareGrantIndex } from '../queries/grantsHeld';
import { preparePrincipalItems } from '../queries/principalItems';
import { loadCatalogEntities } from './catalogEntities';
import { CompletenessHistory } from './CompletenessHistory';
import { ProviderStatusSnapshot, readProviderStatus } from './providerStatus';
import { PersonalDetails } from './redaction';

/** Everything one build produced; answers read it without touching the catalog. */
export type IndexState = {
  graph: InventoryGraph;
  scorecards: EntityScorecard[];
  personal: PersonalDetails;
  status: ProviderStatusSnapshot;
  driftReport: () => DriftResponse;
  builtAt: Date;
  buildMs: number;
};

/**
 * Holds the inventory's view of the catalog and rebuilds it on schedule. A failed build keeps
 * the previous state and records the error: answers may be older, never emptier.
 */
export class InventoryIndex {
  private state?: IndexState;
  private lastError?: string;
  private building?: Promise<void>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
      history: CompletenessHistory;
      links: LinkOptions;
    },
  ) {}

  /** The current state, or a 503 until the first build finishes. */
  current(): IndexState {
    if (!this.state) {
      throw new ServiceUnavailableError(
        `The inventory index is still being built${
          this.lastError ? ` (last attempt failed: ${this.lastError})` : ''
        }`,
      );
    }
    return this.state;
  }

  /** Rebuilds now; concurrent callers share one build. */
  refresh(): Promise<void> {
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  statusResponse(): StatusResponse {
    const state = this.state;
    return {
      index: {
        ...(state
          ? { builtAt: state.builtAt.toISOString(), buildMs: state.buildMs }
          : {}),
        entities: state?.graph.size ?? 0,
        relations: state?.graph.relationCount ?? 0,
        links: state?.graph.resolution.links.length ?? 0,
        ambiguous: state?.graph.resolution.ambiguous.length ?? 0,
        ...(this.lastError ? { lastError: this.lastError } : {}),
      },
      providers: state?.status.providers ?? [],
    };
  }

  private async build() {
    const { logger } = this.deps;
    const started = Date.now();
    try {
      const [{ entities, requests, unchanged }, status] = await Promise.all([
        loadCatalogEntities(
          this.deps.catalog,
          this.deps.auth,
          this.state?.graph.allEntities(),
        ),
        readProviderStatus(this.deps),
      ]);
      const readMs = Date.now() - started;
      // The build shares the event loop with the answers the old state still gives.
      const slicer = new TimeSlicer();
      const rules = linkRules(this.deps.links);
      const graph = await InventoryGraph.buildInSlices(
        entities,
        lookup => resolveLinksInSlices(lookup, rules, slicer),
        slicer,
      );
      // A status read that failed keeps the declared projects of the last one that worked.
      const declaredProjects: DeclaredProject[] | undefined =
        status.declaredProjects ?? this.state?.status.declaredProjects;
      const emeritus = emeritusPeople(graph);
      const facts = {
        declaredProjects: declaredProjects
          ? new Set(declaredProjects.map(d => d.projectId))
          : undefined,
        emeritusPrincipals: emeritusPrincipals(graph, emeritus),
      };
      const scorecards: EntityScorecard[] = [];
      await slicer.each(graph.allEntities(), entity => {
        const card = scorecard(graph, entity, facts);
        if (card) scorecards.push(card);
      });
      // Drift and the principals' items read every grant by its holder: indexed once, in slices.
      await prepareGrantIndex(graph, slicer);
      // Computed here rather than by the first caller, whom it would hold for seconds.
      const driftReport = await driftInSlices(
        graph,
        { declaredProjects, emeritus },
        slicer,
      );
      // What each group owns is in the answer of everyone in it: worked out once, here.
      await preparePrincipalItems(graph, slicer);
      const personal = await PersonalDetails.of(graph, slicer);
      this.state = {
        graph,
        scorecards,
        personal,
        status: { ...status, declaredProjects },
        driftReport: () => driftReport,
        builtAt: new Date(),
        buildMs: Date.now() - started,
      };
      this.lastError = undefined;
      const { links, ambiguous, unresolved } = graph.resolution;
      logger.info(
        `Inventory index built: ${graph.size} entities, ${
          graph.relationCount
        } relations, ${links.length} links, ${ambiguous.length} ambiguous, ${
          unresolved.length
        } unresolved; ${requests} catalog requests in ${readMs} ms (${unchanged} entities unchanged since the last build); built in ${
          Date.now() - started - readMs
        } ms`,
      );
    } catch (error) {
      this.lastError = (error as Error).message;
      logger.error(
        `Inventory index build failed; answers keep the previous build: ${this.lastError}`,
      );
      return;
    }
    // The new build already answers; a history write that fails costs only today's point.
    await this.recordHistory(this.state.scorecards).catch(error =>
      logger.warn(
        `Could not record today's completeness totals: ${
          (error as Error).message
        }`,
      ),
    );
  }

  private async recordHistory(scorecards: EntityScorecard[]) {
    const day = new Date().toISOString().slice(0, 10);
    await this.deps.history.record(day, [
      { scope: 'all', key: '', totals: totalsOf(scorecards) },
      ...groupTotals(scorecards, 'owner').map(g => ({ scope: 'owner', ...g })),
      ...groupTotals(scorecards, 'system').map(g => ({
        scope: 'system',
        ...g,
      })),
    ]);
  }
}
