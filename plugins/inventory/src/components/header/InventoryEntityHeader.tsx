import {
  CompoundEntityRef,
  Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  getEntityRelations,
  useAsyncEntity,
  useEntityRefLink,
  useStarredEntity,
} from '@backstage/plugin-catalog-react';
import type { EntityHeaderLayoutProps } from '@backstage/plugin-catalog-react/alpha';
import {
  ButtonIcon,
  Header,
  HeaderMetadataItem,
  HeaderMetadataUsers,
  Link,
} from '@backstage/ui';
import {
  entityTitle,
  titleFromEntityName,
  typeNoun,
} from '@infra-atlas/inventory-common';
import StarIcon from '@material-ui/icons/Star';
import StarBorderIcon from '@material-ui/icons/StarBorder';
import { Fragment } from 'react';
import useAsync from 'react-use/esm/useAsync';

/** What the header calls the kind of thing: `GCP project`, `Kubernetes app`, `Group`. */
export function kindLabel(entity: Entity): string {
  const type = entity.spec?.type;
  if (typeof type !== 'string' || !type) return entity.kind;
  const noun = typeNoun(type, 1);
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

/** Titles for the owners and systems the header names, fetched in one request. */
function useTitles(refs: CompoundEntityRef[]): Map<string, string> {
  const catalog = useApi(catalogApiRef);
  const keys = refs.map(ref => stringifyEntityRef(ref));
  const { value } = useAsync(async () => {
    if (!keys.length) return new Map<string, string>();
    const { items } = await catalog.getEntitiesByRefs({
      entityRefs: keys,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile',
      ],
    });
    return new Map(
      items.flatMap((entity, i) =>
        entity ? [[keys[i], entityTitle(entity)]] : [],
      ),
    );
  }, [catalog, keys.join(',')]);
  return value ?? new Map();
}

function StarButton(props: { entity: Entity }) {
  const { isStarredEntity, toggleStarredEntity } = useStarredEntity(
    props.entity,
  );
  return (
    <ButtonIcon
      variant="secondary"
      aria-label={
        isStarredEntity ? 'Remove from favorites' : 'Add to favorites'
      }
      icon={isStarredEntity ? <StarIcon /> : <StarBorderIcon />}
      onPress={() => toggleStarredEntity()}
    />
  );
}

/**
 * The entity page's header with the names people read: the entity's title, its type as a
 * noun, and its owners and systems by their titles. The stock header shows a group's entity
 * name (`k8s-infra-artifact-admins--kubernetes.io`) and a system's (`registry-k8s-io`).
 */
export function InventoryEntityHeader(props: EntityHeaderLayoutProps) {
  const { entity } = useAsyncEntity();
  const entityLink = useEntityRefLink();
  const owners = getEntityRelations(entity, RELATION_OWNED_BY);
  const partOf = getEntityRelations(entity, RELATION_PART_OF);
  const titles = useTitles([...owners, ...partOf]);
  // Until the titles arrive (seconds on a busy backend), and for an owner the catalog does not
  // hold, a readable form of the name: `k8s-infra-artifact-admins@kubernetes.io`, never
  // `k8s-infra-artifact-admins--kubernetes.io`.
  const titleOf = (ref: CompoundEntityRef) =>
    titles.get(stringifyEntityRef(ref)) ??
    titleFromEntityName(ref.kind, ref.name);

  const metadata: HeaderMetadataItem[] = [];
  if (owners.length) {
    metadata.push({
      label: owners.length === 1 ? 'Owner' : 'Owners',
      value: (
        <HeaderMetadataUsers
          users={owners.map(ref => ({
            name: titleOf(ref),
            href: entityLink(ref),
          }))}
        />
      ),
    });
  }
  const systems = partOf.filter(ref => ref.kind.toLowerCase() === 'system');
  const parents = partOf.filter(ref => ref.kind.toLowerCase() !== 'system');
  for (const [label, refs] of [
    [systems.length === 1 ? 'System' : 'Systems', systems],
    ['Part of', parents],
  ] as const) {
    if (!refs.length) continue;
    metadata.push({
      label,
      value: refs.map((ref, i) => (
        <Fragment key={stringifyEntityRef(ref)}>
          {i > 0 && ', '}
          <Link href={entityLink(ref)} standalone>
            {titleOf(ref)}
          </Link>
        </Fragment>
      )),
    });
  }

  return (
    <Header
      title={entity ? entityTitle(entity) : ''}
      tags={entity ? [{ label: kindLabel(entity) }] : []}
      metadata={metadata}
      tabs={entity ? props.tabs : undefined}
      activeTabId={props.activeTabId}
      customActions={entity ? <StarButton entity={entity} /> : undefined}
    />
  );
}
