import { LoggerService } from '@backstage/backend-plugin-api';
import { ProviderStatus, RunState } from '@infra-atlas/inventory-common';
import { CrawlRun, CrawlRunStore } from './crawlRuns';
import { EntityScopes, Hold, heldStreaks } from './heldScopes';
import { SyncDecision, formatCounts } from './safeSync';

/**
 * What a run amounted to, from what it read (`outcome`) and what the safe-sync rule let it
 * change (`applied`). Only a `complete` run proves the catalog matches the source; a crawl that
 * read everything but whose removals were refused (removal ceiling, empty result) is `refused`,
 * and so is a partial crawl that was held back entirely.
 *
 * @public
 */
export function runStateOf(
  run: Pick<CrawlRun, 'outcome' | 'applied'>,
): RunState {
  if (run.outcome === 'failed') return 'failed';
  if (run.outcome === 'complete') {
    return run.applied === 'full' ? 'complete' : 'refused';
  }
  return run.applied === 'none' ? 'refused' : 'partial';
}

/** A run as the status routes list it: without its entity refs. */
type RunSummary = Omit<CrawlRun, 'entityRefs' | 'entityScopes'>;

/**
 * One provider's status from its recent runs, newest first: the last run as it went, and the
 * freshness counted from the last `complete` run — a partial, refused or failed run refreshes
 * nothing a reader can rely on, so it never resets staleness.
 *
 * @public
 */
export function providerStatusOf(
  providerId: string,
  runs: RunSummary[],
  now: Date,
): ProviderStatus {
  const [last] = runs;
  const success = runs.find(r => runStateOf(r) === 'complete');
  const finished = success?.finishedAt ?? success?.startedAt;
  return {
    provider: providerId,
    ...(last
      ? {
          lastRun: {
            state: runStateOf(last),
            outcome: last.outcome,
            applied: last.applied,
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
    ...(last?.held?.length ? { held: last.held } : {}),
    entities: (success ?? last)?.entities ?? {},
  };
}

/**
 * The body of every provider module's status route (`GET /api/catalog/<module>/status`):
 * each provider's status, and its recent runs for whoever wants the detail.
 *
 * @public
 */
export async function providerStatusReport(
  store: CrawlRunStore,
  providerIds: string[],
  now = new Date(),
): Promise<{
  providers: Array<{ id: string; status: ProviderStatus; runs: RunSummary[] }>;
}> {
  return {
    providers: await Promise.all(
      providerIds.map(async id => {
        const runs = await store.summaries(id);
        return { id, status: providerStatusOf(id, runs, now), runs };
      }),
    ),
  };
}

/**
 * Records a finished run and logs one line that says what it amounted to. Both providers end
 * every run here, so the record, the log and the status can never disagree.
 *
 * @public
 */
export async function recordRun(options: {
  store: CrawlRunStore;
  logger: LoggerService;
  /** How the provider names itself in the log, e.g. `GCP inventory production`. */
  label: string;
  startedAt: Date;
  outcome: CrawlRun['outcome'];
  sync: SyncDecision & {
    entityRefs: string[];
    entityScopes?: EntityScopes;
    holds?: Hold[];
  };
  requests: Record<string, number>;
  retries: Record<string, number>;
  entities: Record<string, number>;
  errors: string[];
  providerId: string;
  details?: Record<string, unknown>;
  /** Provider-specific facts for the log line, e.g. `GraphQL points 12`. */
  logDetails?: string[];
}): Promise<CrawlRun> {
  const finishedAt = new Date();
  const startedAt = options.startedAt.toISOString();
  // A scope held by the previous run too has been held since then: a lasting problem says so.
  const held = options.sync.holds?.length
    ? heldStreaks(
        options.sync.holds,
        (await options.store.recent(options.providerId, 1))[0]?.held,
        startedAt,
      )
    : undefined;
  const run: CrawlRun = {
    providerId: options.providerId,
    startedAt,
    finishedAt: finishedAt.toISOString(),
    outcome: options.outcome,
    applied: options.sync.applied,
    requests: options.requests,
    retries: options.retries,
    entities: options.entities,
    errors: options.errors,
    entityRefs: options.sync.entityRefs,
    ...(options.details ? { details: options.details } : {}),
    ...(held ? { held } : {}),
    ...(options.sync.entityScopes
      ? { entityScopes: options.sync.entityScopes }
      : {}),
  };
  await options.store.record(run);
  const seconds = (finishedAt.getTime() - options.startedAt.getTime()) / 1000;
  const line = [
    `${options.label}: ${runStateOf(run)} (read ${run.outcome}, applied ${
      run.applied
    })`,
    `entities ${formatCounts(run.entities)}`,
    `requests ${formatCounts(run.requests)}`,
    `retries ${formatCounts(run.retries)}`,
    ...(options.logDetails ?? []),
    ...(held ? [`held ${held.length}`] : []),
    `errors ${run.errors.length}`,
    `${seconds.toFixed(1)}s`,
  ].join('; ');
  if (runStateOf(run) === 'complete') {
    options.logger.info(line);
  } else {
    options.logger.warn(line);
  }
  return run;
}
