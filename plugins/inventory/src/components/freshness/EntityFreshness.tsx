import { Link } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ProviderStatus } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../../api';
import {
  RUN_STATE_LABELS,
  STALE_AFTER_SECONDS,
  humanDuration,
} from '../CrawlFreshness';
import { utc } from '../format';
import { EntitySource, entitySource, leastFresh } from './entitySources';

/** "crawled 3 min ago (2026-12-07 09:30 UTC)", and what is wrong when something is. */
function crawled(provider: ProviderStatus | undefined): string {
  if (!provider?.lastSuccess || provider.staleSeconds === undefined) {
    return 'not crawled completely yet';
  }
  const run = provider.lastRun;
  const lastRun =
    run && run.state !== 'complete'
      ? `; its last run was ${RUN_STATE_LABELS[run.state]}`
      : '';
  const stale = provider.staleSeconds > STALE_AFTER_SECONDS ? ' (stale)' : '';
  return `crawled ${humanDuration(provider.staleSeconds)} ago${stale} (${utc(
    provider.lastSuccess,
  )})${lastRun}`;
}

/** One source in words: "From GCP, crawled …", "Declared in groups.yaml (…), read from GitHub …". */
function SourceText(props: { source: EntitySource }) {
  const { source } = props;
  if (source.kind === 'hand-written') {
    return <>Written by hand in this portal's catalog files.</>;
  }
  if (source.kind === 'unknown') return null;
  const when = crawled(leastFresh(source.providers));
  if (source.file) {
    return (
      <>
        Declared in <Link to={source.file.url}>{source.file.path}</Link> (
        {source.file.repo}), read from {source.label}: {when}.
      </>
    );
  }
  return (
    <>
      From {source.label}: {when}.
    </>
  );
}

/**
 * One line at the top of every entity page: where its data comes from and when that source
 * was last crawled, after the deployment's data notice (`app.dataNotice`: the demo's data is
 * a 2024 snapshot). Without the crawl status it still says the notice.
 */
export function EntityFreshness() {
  const { entity } = useEntity();
  const inventory = useApi(inventoryApiRef);
  const notice = useApi(configApiRef).getOptionalString('app.dataNotice');
  const status = useAsync(() => inventory.status(), [inventory]);
  const source = status.value
    ? entitySource(entity, status.value.providers)
    : undefined;
  if (!notice && (!source || source.kind === 'unknown')) return null;
  return (
    <Typography
      variant="caption"
      component="p"
      role="note"
      aria-label="Where this data comes from"
      color="textSecondary"
      style={{ margin: 0 }}
    >
      {notice && <strong>{notice} </strong>}
      {source && <SourceText source={source} />}
    </Typography>
  );
}
