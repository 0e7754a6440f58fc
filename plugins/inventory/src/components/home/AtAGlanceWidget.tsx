import { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { RESOURCE_TYPES } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { AnswerState } from '../AnswerState';
import {
  billingRouteRef,
  explorerRouteRef,
  graphRouteRef,
  ownershipRouteRef,
} from '../../routes';
import { byTitle } from '../format';
import { catalogListPath } from '../links';

/** The GCP crawl tags everything it observes `gcp`; git declares no entity with that tag. */
const GCP_TAG = 'gcp';

/**
 * What the estate holds, counted in the catalog. Cloud resources count what the GCP crawl
 * observed, by its tag: the GitHub inventory declares DNS zones from git as well, and
 * counting both would say every zone twice. Each count links to the catalog's list with the
 * same filter, so the list holds what was counted. Apps are the Kubernetes apps declared in git.
 */
const COUNTS: Array<{
  label: string;
  kind: 'resource' | 'component';
  type: string;
  tag?: string;
}> = [
  {
    label: 'GCP organizations',
    kind: 'resource',
    type: RESOURCE_TYPES.gcpOrganization,
    tag: GCP_TAG,
  },
  {
    label: 'projects',
    kind: 'resource',
    type: RESOURCE_TYPES.gcpProject,
    tag: GCP_TAG,
  },
  {
    label: 'GKE clusters',
    kind: 'resource',
    type: RESOURCE_TYPES.gkeCluster,
    tag: GCP_TAG,
  },
  { label: 'apps', kind: 'component', type: 'service' },
  {
    label: 'buckets',
    kind: 'resource',
    type: RESOURCE_TYPES.gcsBucket,
    tag: GCP_TAG,
  },
  {
    label: 'DNS zones',
    kind: 'resource',
    type: RESOURCE_TYPES.dnsZone,
    tag: GCP_TAG,
  },
];

/** The inventory's own pages, by their sidebar titles. */
const MAP_PAGES = [
  {
    routeRef: explorerRouteRef,
    label: 'What runs where',
    what: 'everything the crawlers found, in its place; search and filter it',
  },
  {
    routeRef: graphRouteRef,
    label: 'Dependency graph',
    what: 'what runs on what, and what breaks if it goes',
  },
  {
    routeRef: ownershipRouteRef,
    label: 'Who holds what',
    what: 'what a person or group owns, administers or leads',
  },
  {
    routeRef: billingRouteRef,
    label: 'Billing',
    what: 'what it costs, by SIG, owner, system and project, against the budget',
  },
];

/** A link to one of the inventory's pages; none when the app has not mounted it. */
function MapPage(props: { page: (typeof MAP_PAGES)[number] }) {
  const { routeRef, label, what } = props.page;
  const path = useRouteRef(routeRef);
  if (!path) return null;
  return (
    <li>
      <Link to={path()}>{label}</Link> — {what}
    </li>
  );
}

type Glance = {
  counts: number[];
  domains: Entity[];
  organizations: Entity[];
};

const SUMMARY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
];

function useGlance() {
  const catalog = useApi(catalogApiRef);
  return useAsync(async (): Promise<Glance> => {
    const [counts, { items }] = await Promise.all([
      Promise.all(
        COUNTS.map(async count => {
          const { totalItems } = await catalog.queryEntities({
            filter: {
              kind: count.kind,
              'spec.type': count.type,
              ...(count.tag ? { 'metadata.tags': count.tag } : {}),
            },
            limit: 0,
          });
          return totalItems;
        }),
      ),
      // The entry points of the map: the domains people wrote, and the cloud's organizations.
      catalog.getEntities({
        filter: [
          { kind: 'domain' },
          { kind: 'resource', 'spec.type': RESOURCE_TYPES.gcpOrganization },
        ],
        fields: SUMMARY_FIELDS,
      }),
    ]);
    return {
      counts,
      domains: items.filter(e => e.kind === 'Domain').sort(byTitle),
      organizations: items.filter(e => e.kind !== 'Domain').sort(byTitle),
    };
  }, [catalog]);
}

function GlanceView(props: { glance: Glance }) {
  const { counts, domains, organizations } = props.glance;
  if (counts.every(n => n === 0) && domains.length === 0) {
    return (
      <Typography variant="body2">
        The catalog has no infrastructure yet: the crawlers report a minute or
        two after the backend starts.
      </Typography>
    );
  }
  return (
    <>
      <ul
        aria-label="What the infrastructure holds"
        style={{
          listStyle: 'none',
          padding: 0,
          margin: 0,
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
          gap: 8,
        }}
      >
        {COUNTS.map((count, i) => (
          <li key={count.label}>
            <Link
              to={catalogListPath(count.kind, count.type, count.tag)}
              aria-label={`${counts[i].toLocaleString('en-US')} ${
                count.label
              }: list them in the catalog`}
              style={{ display: 'block' }}
            >
              <Typography variant="h4" component="span" display="block">
                {counts[i].toLocaleString('en-US')}
              </Typography>
              <Typography variant="body2" component="span">
                {count.label}
              </Typography>
            </Link>
          </li>
        ))}
      </ul>
      <Typography variant="h6" component="h3" style={{ marginTop: 16 }}>
        The map
      </Typography>
      <ul aria-label="The map" style={{ marginTop: 4 }}>
        {domains.map(domain => (
          <li key={domain.metadata.name}>
            Domain{' '}
            <EntityRefLink
              entityRef={domain}
              title={domain.metadata.title ?? domain.metadata.name}
            />{' '}
            — its systems, their owners and runbooks
          </li>
        ))}
        {organizations.map(org => (
          <li key={org.metadata.name}>
            GCP organization{' '}
            <EntityRefLink
              entityRef={org}
              title={org.metadata.title ?? org.metadata.name}
            />{' '}
            — its folders, projects and who administers them
          </li>
        ))}
        {MAP_PAGES.map(page => (
          <MapPage key={page.label} page={page} />
        ))}
      </ul>
    </>
  );
}

/** The estate in numbers, each a link to its list, and the ways into it. */
export function AtAGlanceWidget() {
  const state = useGlance();
  return (
    <AnswerState {...state}>
      {glance => <GlanceView glance={glance} />}
    </AnswerState>
  );
}
