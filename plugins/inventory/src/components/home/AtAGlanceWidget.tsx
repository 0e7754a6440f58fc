import { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { ANNOTATIONS, RESOURCE_TYPES } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { AnswerState } from '../AnswerState';
import { catalogListPath } from './homeLinks';

/**
 * What the estate holds, counted in the catalog. Cloud resources count what the cloud crawl
 * observed: the GitHub inventory declares DNS zones from git as well, and counting both would
 * say every zone twice. Apps are the Kubernetes apps declared in git.
 */
export const COUNTS: Array<{
  label: string;
  kind: 'resource' | 'component';
  type: string;
  observedOnly: boolean;
}> = [
  {
    label: 'GCP organizations',
    kind: 'resource',
    type: RESOURCE_TYPES.gcpOrganization,
    observedOnly: true,
  },
  {
    label: 'projects',
    kind: 'resource',
    type: RESOURCE_TYPES.gcpProject,
    observedOnly: true,
  },
  {
    label: 'GKE clusters',
    kind: 'resource',
    type: RESOURCE_TYPES.gkeCluster,
    observedOnly: true,
  },
  { label: 'apps', kind: 'component', type: 'service', observedOnly: false },
  {
    label: 'buckets',
    kind: 'resource',
    type: RESOURCE_TYPES.gcsBucket,
    observedOnly: true,
  },
  {
    label: 'DNS zones',
    kind: 'resource',
    type: RESOURCE_TYPES.dnsZone,
    observedOnly: true,
  },
];

/** The inventory's own pages, by their sidebar titles. */
const MAP_PAGES = [
  {
    path: '/inventory/explorer',
    label: 'What runs where',
    what: 'everything the crawlers found, in its place; search and filter it',
  },
  {
    path: '/inventory/graph',
    label: 'Dependency graph',
    what: 'what runs on what, and what breaks if it goes',
  },
  {
    path: '/inventory/ownership',
    label: 'Who holds what',
    what: 'what a person or group owns, administers or leads',
  },
];

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

const byTitle = (a: Entity, b: Entity) =>
  (a.metadata.title ?? a.metadata.name).localeCompare(
    b.metadata.title ?? b.metadata.name,
  );

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
              ...(count.observedOnly
                ? {
                    [`metadata.annotations.${ANNOTATIONS.provenance}`]:
                      'observed',
                  }
                : {}),
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
              to={catalogListPath(count.kind, count.type)}
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
          <li key={page.path}>
            <Link to={page.path}>{page.label}</Link> — {page.what}
          </li>
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
