import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { TableColumn } from '@backstage/core-components';
import {
  EntityListContextProps,
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import {
  RELATIONS,
  RESOURCE_TYPES,
  entityTitle,
} from '@infra-atlas/inventory-common';
import { CSSProperties, ReactNode } from 'react';
import { whatItIs } from '../search/InventorySearchResultListItem';
import {
  emailOf,
  locationOf,
  projectOf,
  publicGrantsOf,
  recordTypeOf,
  recordValuesOf,
  stateOf,
} from './listFields';

/** What the catalog table gives each column: the entity (and more that these do not need). */
export type CatalogListRow = { entity: Entity };

/** A column of the catalog list; `extra` ones are left out on narrow screens. */
type ListColumn = TableColumn<CatalogListRow> & { extra?: boolean };

/*
 * Names wrap between words and keep room for about 20 characters, so a title never breaks
 * letter by letter; a name without spaces (a bucket's hash) breaks only past that width.
 */
const NAME_STYLE: CSSProperties = {
  minWidth: '12rem',
  overflowWrap: 'anywhere',
};
const CELL_STYLE: CSSProperties = { overflowWrap: 'anywhere' };

/** A column of plain text read from the entity: sorted and searched by that text. */
function textColumn(
  title: string,
  read: (entity: Entity) => string | undefined,
  extra = false,
): ListColumn {
  const text = (row: CatalogListRow) => read(row.entity) ?? '';
  return {
    title,
    extra,
    cellStyle: CELL_STYLE,
    render: row => text(row),
    customSort: (a, b) => text(a).localeCompare(text(b)),
    customFilterAndSearch: (query, row) =>
      text(row).toLowerCase().includes(String(query).toLowerCase()),
  };
}

/** A column of links to related entities, each shown by its title. */
function relationColumn(
  title: string,
  related: (entity: Entity) => ReturnType<typeof getEntityRelations>,
  extra = false,
): ListColumn {
  const refs = (row: CatalogListRow) => related(row.entity);
  const text = (row: CatalogListRow) =>
    refs(row)
      .map(ref => ref.name)
      .join(', ');
  return {
    title,
    extra,
    cellStyle: CELL_STYLE,
    render: row => <EntityRefLinks entityRefs={refs(row)} />,
    customSort: (a, b) => text(a).localeCompare(text(b)),
  };
}

const nameColumn: ListColumn = {
  title: 'Name',
  highlight: true,
  cellStyle: NAME_STYLE,
  headerStyle: NAME_STYLE,
  render: ({ entity }) => <EntityRefLink entityRef={entity} />,
  customSort: (a, b) =>
    entityTitle(a.entity).localeCompare(entityTitle(b.entity)),
};

const projectColumn = textColumn('Project', projectOf);
const locationColumn = textColumn('Location', locationOf, true);
const stateColumn = textColumn('State', stateOf, true);
const descriptionColumn = textColumn(
  'Description',
  entity => entity.metadata.description,
  true,
);
const typeColumn = textColumn('Type', entity =>
  whatItIs(entity.kind, String(entity.spec?.type ?? '')),
);
const specTypeColumn = textColumn('Type', entity =>
  entity.spec?.type ? String(entity.spec.type) : undefined,
);
const emailColumn = textColumn('E-mail', emailOf);
const ownerColumn = relationColumn('Owner', entity =>
  getEntityRelations(entity, RELATION_OWNED_BY),
);
const systemColumn = relationColumn(
  'System',
  entity => getEntityRelations(entity, RELATION_PART_OF, { kind: 'system' }),
  true,
);

/** "Public" with the grants in a tooltip; an empty cell when nothing is public. */
const publicColumn: ListColumn = {
  ...textColumn('Public', entity =>
    publicGrantsOf(entity).length ? 'Public' : undefined,
  ),
  render: ({ entity }): ReactNode => {
    const grants = publicGrantsOf(entity);
    return grants.length ? <span title={grants.join('\n')}>Public</span> : '';
  },
};

/** Columns per resource type: what tells two resources of that type apart. */
const RESOURCE_COLUMNS: Record<string, ListColumn[]> = {
  [RESOURCE_TYPES.gcpProject]: [
    nameColumn,
    ownerColumn,
    publicColumn,
    stateColumn,
    descriptionColumn,
  ],
  [RESOURCE_TYPES.gcsBucket]: [
    nameColumn,
    projectColumn,
    locationColumn,
    ownerColumn,
    publicColumn,
  ],
  [RESOURCE_TYPES.gcpServiceAccount]: [
    nameColumn,
    projectColumn,
    ownerColumn,
    descriptionColumn,
  ],
  [RESOURCE_TYPES.dnsRecord]: [
    nameColumn,
    textColumn('Record type', recordTypeOf),
    textColumn('Values', recordValuesOf, true),
    relationColumn('Zone', entity =>
      getEntityRelations(entity, RELATION_CHILD_OF),
    ),
    ownerColumn,
  ],
  [RESOURCE_TYPES.dnsZone]: [nameColumn, ownerColumn, descriptionColumn],
  [RESOURCE_TYPES.kubernetesNamespace]: [
    nameColumn,
    projectColumn,
    relationColumn('Cluster', entity =>
      getEntityRelations(entity, RELATIONS.runsOn),
    ),
    ownerColumn,
  ],
  [RESOURCE_TYPES.kubernetesServiceAccount]: [
    nameColumn,
    projectColumn,
    ownerColumn,
    descriptionColumn,
  ],
};

/** Any other GCP resource (clusters, secrets, databases, …): where it is and its state. */
const GCP_RESOURCE_COLUMNS = [
  nameColumn,
  projectColumn,
  locationColumn,
  ownerColumn,
  publicColumn,
  stateColumn,
];

/** Resources of several types at once: what each is comes first after its name. */
const MIXED_RESOURCE_COLUMNS = [
  nameColumn,
  typeColumn,
  projectColumn,
  ownerColumn,
  descriptionColumn,
];

const KIND_COLUMNS: Record<string, ListColumn[]> = {
  component: [
    nameColumn,
    specTypeColumn,
    projectColumn,
    ownerColumn,
    systemColumn,
  ],
  system: [nameColumn, ownerColumn, descriptionColumn],
  domain: [nameColumn, ownerColumn, descriptionColumn],
  group: [nameColumn, specTypeColumn, emailColumn, descriptionColumn],
  user: [
    nameColumn,
    emailColumn,
    relationColumn(
      'Member of',
      entity => getEntityRelations(entity, RELATION_MEMBER_OF),
      true,
    ),
    descriptionColumn,
  ],
};

const DEFAULT_COLUMNS = [
  nameColumn,
  specTypeColumn,
  ownerColumn,
  descriptionColumn,
];

/** What a list shows: one kind, a resource type when exactly one is chosen, its entities. */
export type ListShape = { kind: string; type?: string; entities: Entity[] };

/** The columns for a list; on a narrow screen without the `extra` ones. */
export function columnsFor(
  list: ListShape,
  options: { narrow: boolean },
): TableColumn<CatalogListRow>[] {
  const kind = list.kind.toLowerCase();
  let columns = KIND_COLUMNS[kind] ?? DEFAULT_COLUMNS;
  if (kind === 'resource') {
    if (!list.type) columns = MIXED_RESOURCE_COLUMNS;
    else if (RESOURCE_COLUMNS[list.type]) columns = RESOURCE_COLUMNS[list.type];
    // A type without its own columns: the GCP crawl's facts if it comes from there.
    else if (list.entities.some(entity => entity.spec?.gcp))
      columns = GCP_RESOURCE_COLUMNS;
  }
  return options.narrow ? columns.filter(column => !column.extra) : columns;
}

/**
 * The catalog table's columns for the list on screen, from its kind and type filters. Generic
 * in the row, because the columns read only `row.entity`: they fit the catalog's own rows,
 * which carry more.
 */
export function inventoryCatalogColumns<Row extends CatalogListRow>(options: {
  narrow: boolean;
}) {
  return (context: EntityListContextProps): TableColumn<Row>[] => {
    const { filters, entities } = context;
    const types = filters.type?.getTypes() ?? [];
    return columnsFor(
      {
        kind: filters.kind?.value ?? '',
        type: types.length === 1 ? types[0] : undefined,
        entities,
      },
      options,
    ) as unknown as TableColumn<Row>[];
  };
}
