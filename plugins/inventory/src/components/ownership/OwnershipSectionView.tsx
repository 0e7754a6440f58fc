import { useApi } from '@backstage/frontend-plugin-api';
import { describeTypes, OwnershipSection } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { inventoryApiRef } from '../../api';
import { EntityName } from '../Evidence';
import { OwnershipItemRow } from './OwnershipItemRow';
import { PAGE_SIZE, ShowMore, useMorePages } from './MorePages';

/** The line that heads a section: what causes it, and how far it reaches. */
function SectionHeading(props: { section: OwnershipSection }) {
  const { section } = props;
  const reach = describeTypes(section.types);
  const below = section.inheritedResources
    ? `; ${section.inheritedResources.toLocaleString(
        'en-US',
      )} resources are below it`
    : '';
  switch (section.kind) {
    case 'grant':
      return (
        <>
          {section.title} → inherited by {reach}
          {below}
        </>
      );
    case 'contains':
      return section.cause ? (
        <>
          <EntityName entity={section.cause.entity} /> and {reach} in it
        </>
      ) : (
        <>
          {reach} {section.title}
        </>
      );
    case 'repository':
      return (
        <>
          {section.total.toLocaleString('en-US')}{' '}
          {section.total === 1 ? 'path' : 'paths'} in {section.title}
        </>
      );
    default:
      return <>{reach}</>;
  }
}

/**
 * One section of an ownership answer: its heading, the item that causes it, and its items a
 * page at a time, asked of the inventory as the reader wants more.
 */
export function OwnershipSectionView(props: {
  query: string;
  section: OwnershipSection;
}) {
  const { query, section } = props;
  const inventory = useApi(inventoryApiRef);
  const { items, ...pages } = useMorePages(
    section.items,
    async offset => {
      const answer = await inventory.ownership(query, {
        section: section.key,
        offset,
        pageSize: PAGE_SIZE,
      });
      return answer.sections[0]?.items ?? [];
    },
    // The first sections of a role come with a page of PAGE_SIZE, the others with none.
    section.items.length ? PAGE_SIZE : 0,
  );
  return (
    <section aria-label={section.title} style={{ marginTop: 12 }}>
      <Typography variant="subtitle1">
        <SectionHeading section={section} />
      </Typography>
      {section.cause && section.kind === 'grant' && (
        <Typography variant="body2" component="div">
          Granted on <OwnershipItemRow item={section.cause} />
        </Typography>
      )}
      <ul style={{ marginTop: 4 }}>
        {/* Pages only append, and one entity can be held twice through two groups. */}
        {items.map((item, i) => (
          <li key={i}>
            <OwnershipItemRow item={item} />
          </li>
        ))}
      </ul>
      <ShowMore total={section.total} pages={pages} />
    </section>
  );
}
