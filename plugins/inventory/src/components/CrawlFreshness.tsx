import { InfoCard, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  ProviderStatus,
  RunState,
  StatusResponse,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../api';
import { AnswerState } from './AnswerState';
import { plural, utc } from './format';

/**
 * When a provider's last complete crawl counts as stale. The providers crawl every 30 minutes
 * (app-config.yaml), and a crawl can time out after 10: two hours is several missed crawls in a
 * row, not one slow one.
 */
export const STALE_AFTER_SECONDS = 2 * 60 * 60;

/** How a run's state reads in the table. */
export const RUN_STATE_LABELS: Record<RunState, string> = {
  complete: 'complete',
  partial: 'partial',
  refused: 'not applied in full',
  failed: 'failed',
};

/** A number of seconds the way people say it: `45 s`, `12 min`, `3 h`, `2 d`. */
export function humanDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 2 * 86400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

/** Why a provider's data cannot be trusted to be current; empty when it can. */
function providerProblems(provider: ProviderStatus): string[] {
  const problems: string[] = [];
  const run = provider.lastRun;
  const firstError = run?.errors.length ? `: ${run.errors[0]}` : '';
  if (run?.state === 'failed') {
    problems.push(`its last run failed${firstError}`);
  } else if (run?.state === 'partial') {
    const errors = plural(run.errors.length, 'error', 'errors');
    problems.push(
      run.applied === 'scoped'
        ? `its last run was partial (${errors}): what it could not read is kept as it was, the rest is current`
        : `its last run was partial (${errors}), so nothing was removed`,
    );
  } else if (run?.state === 'refused') {
    // The reason the safe-sync rule gave is the last error the run recorded.
    problems.push(
      `its last run was not applied in full${
        run.errors.length ? `: ${run.errors[run.errors.length - 1]}` : ''
      }`,
    );
  }
  if (provider.staleSeconds === undefined) {
    problems.push('it has never completed a crawl');
  } else if (provider.staleSeconds > STALE_AFTER_SECONDS) {
    problems.push(
      `its last complete crawl was ${humanDuration(provider.staleSeconds)} ago`,
    );
  }
  return problems;
}

type Hold = NonNullable<ProviderStatus['held']>[number];

/** How many holds a warning lists; the rest are counted (a GitHub outage can hold hundreds). */
const HOLDS_SHOWN = 5;

/** `kubernetes/k8s.io held since 2026-12-07 06:00 UTC, 3 runs: kubernetes/k8s.io/OWNERS: …` */
const holdText = (hold: Hold) =>
  `${hold.scope} held since ${utc(hold.since)}, ${plural(
    hold.runs,
    'run',
    'runs',
  )}: ${hold.reason}`;

/** What a provider could not read and keeps as it was, the longest-held first. */
function HeldScopes(props: { held: Hold[] }) {
  const held = [...props.held].sort((a, b) => b.runs - a.runs);
  return (
    <ul aria-label="Held back">
      {held.slice(0, HOLDS_SHOWN).map(hold => (
        <li key={hold.scope}>{holdText(hold)}</li>
      ))}
      {held.length > HOLDS_SHOWN && (
        <li>and {plural(held.length - HOLDS_SHOWN, 'other', 'others')}</li>
      )}
    </ul>
  );
}

const entityTotal = (provider: ProviderStatus) =>
  Object.values(provider.entities).reduce((sum, n) => sum + n, 0);

function ProviderRow(props: { provider: ProviderStatus }) {
  const { provider } = props;
  const run = provider.lastRun;
  return (
    <tr>
      <th scope="row" style={{ textAlign: 'left' }}>
        {provider.provider}
      </th>
      <td>
        {run
          ? `${RUN_STATE_LABELS[run.state]}, ${utc(run.startedAt)}${
              run.durationMs !== undefined
                ? ` (${humanDuration(run.durationMs / 1000)})`
                : ''
            }`
          : 'no run yet'}
        {run?.errors.length
          ? `, ${plural(run.errors.length, 'error', 'errors')}`
          : ''}
      </td>
      <td>
        {provider.lastSuccess && provider.staleSeconds !== undefined
          ? `${humanDuration(provider.staleSeconds)} ago (${utc(
              provider.lastSuccess,
            )})`
          : 'never'}
      </td>
      <td title={JSON.stringify(provider.entities)}>
        {entityTotal(provider).toLocaleString('en-US')}
      </td>
    </tr>
  );
}

/** The freshness of the index and of each provider it reads, with a warning when one lags. */
function CrawlFreshnessView(props: { status: StatusResponse }) {
  const { index, providers } = props.status;
  const lagging = providers
    .map(p => ({
      provider: p.provider,
      problems: providerProblems(p),
      held: p.held ?? [],
    }))
    .filter(p => p.problems.length || p.held.length);
  return (
    <InfoCard title="Crawl freshness" noPadding={false}>
      {(lagging.length > 0 || index.lastError) && (
        <WarningPanel
          severity="warning"
          title={
            lagging.length
              ? `${plural(
                  lagging.length,
                  'provider is',
                  'providers are',
                )} stale or failing: these answers may be out of date`
              : 'The last index build failed: these answers are from an earlier one'
          }
          defaultExpanded
        >
          <ul aria-label="Freshness warnings" style={{ margin: 0 }}>
            {lagging.map(p => (
              <li key={p.provider}>
                {p.provider}:{' '}
                {p.problems.length
                  ? p.problems.join('; ')
                  : 'some of what it reads is held back'}
                {p.held.length > 0 && <HeldScopes held={p.held} />}
              </li>
            ))}
            {index.lastError && (
              <li>Last index build failed: {index.lastError}</li>
            )}
          </ul>
        </WarningPanel>
      )}
      <Typography variant="body2" style={{ marginBottom: 8 }}>
        {index.builtAt
          ? `Index built ${utc(index.builtAt)}${
              index.buildMs !== undefined
                ? ` in ${humanDuration(index.buildMs / 1000)}`
                : ''
            }: ${index.entities.toLocaleString(
              'en-US',
            )} entities, ${index.relations.toLocaleString('en-US')} relations.`
          : 'The index has not been built yet.'}
      </Typography>
      {providers.length ? (
        <table aria-label="Providers" style={{ borderSpacing: '16px 2px' }}>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'left' }}>
                Provider
              </th>
              <th scope="col" style={{ textAlign: 'left' }}>
                Last run
              </th>
              <th scope="col" style={{ textAlign: 'left' }}>
                Last complete crawl
              </th>
              <th scope="col" style={{ textAlign: 'left' }}>
                Entities
              </th>
            </tr>
          </thead>
          <tbody>
            {providers.map(p => (
              <ProviderRow key={p.provider} provider={p} />
            ))}
          </tbody>
        </table>
      ) : (
        <Typography variant="body2">
          No provider has reported a crawl.
        </Typography>
      )}
    </InfoCard>
  );
}

/** Asks `/status` and shows how fresh the answers on the page are. */
export function CrawlFreshness() {
  const inventory = useApi(inventoryApiRef);
  const state = useAsync(() => inventory.status(), [inventory]);
  return (
    <AnswerState {...state}>
      {status => <CrawlFreshnessView status={status} />}
    </AnswerState>
  );
}
