import { Link } from '@backstage/core-components';
import type { SearchDocument } from '@backstage/plugin-search-common';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { titleFromEntityRef } from '@infra-atlas/inventory-common';
import { RESOURCE_TYPE_TITLES } from '../inventoryLabels';

/** The fields the inventory's catalog collator gives a search document. */
type CatalogDocument = SearchDocument & {
  kind?: string;
  type?: string;
  owner?: string;
  project?: string;
};

const KIND_TITLES: Record<string, string> = {
  user: 'Person',
  group: 'Group',
  system: 'System',
  domain: 'Domain',
  api: 'API',
  template: 'Template',
  location: 'Location',
};

/** What a result is: "Cloud Storage bucket", "Component (service)", "Person". */
export function whatItIs(kind = '', type = ''): string {
  const kindName = kind.toLowerCase();
  if (kindName === 'resource') {
    return (
      RESOURCE_TYPE_TITLES[type as keyof typeof RESOURCE_TYPE_TITLES] ??
      `Resource (${type})`
    );
  }
  if (kindName === 'component') return `Component (${type})`;
  return KIND_TITLES[kindName] ?? kind;
}

/** A description without the identifiers the collator appends after it for search. */
const description = (text: string) => text.split('\n')[0].trim();

/**
 * A catalog search result that says what it is and where: its type, its GCP project and its
 * owner, then its description as plain text.
 */
export function InventorySearchResultListItem(props: {
  result?: SearchDocument;
}) {
  const result = props.result as CatalogDocument | undefined;
  if (!result) return null;
  const facts = [
    whatItIs(result.kind, result.type),
    result.project && `in ${result.project}`,
    result.owner && `owned by ${titleFromEntityRef(result.owner)}`,
  ].filter(Boolean);
  const text = description(result.text);
  return (
    <ListItem alignItems="flex-start" divider>
      <ListItemText
        primary={<Link to={result.location}>{result.title}</Link>}
        secondary={
          <>
            <Typography component="span" variant="body2" display="block">
              {facts.join(' · ')}
            </Typography>
            {text && (
              <Typography
                component="span"
                variant="body2"
                color="textSecondary"
                display="block"
              >
                {text}
              </Typography>
            )}
          </>
        }
      />
    </ListItem>
  );
}
