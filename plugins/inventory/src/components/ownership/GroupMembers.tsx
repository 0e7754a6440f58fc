import { useApi } from '@backstage/frontend-plugin-api';
import { OwnershipResponse } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { inventoryApiRef } from '../../api';
import { EntityName, EvidenceChain } from '../Evidence';
import { plural } from '../format';
import { PAGE_SIZE, ShowMore, useMorePages } from './MorePages';

/**
 * A group's members, direct ones first, each with the links that make them a member (the
 * file and line, or the API, that says so). The answer brings the first page; the others are
 * asked for as the reader wants them, so a group of thousands stays a small answer.
 */
export function GroupMembers(props: {
  answer: Pick<OwnershipResponse, 'query' | 'members' | 'memberCounts'>;
}) {
  const { answer } = props;
  const inventory = useApi(inventoryApiRef);
  const { items, ...pages } = useMorePages(
    answer.members,
    async offset => {
      const page = await inventory.ownership(answer.query, {
        section: 'members',
        offset,
        pageSize: PAGE_SIZE,
      });
      return page.members;
    },
    // The page asks its answer with a page of PAGE_SIZE members.
    PAGE_SIZE,
  );
  const total = answer.memberCounts?.total ?? items.length;
  if (!total) return null;
  return (
    <section aria-label="Members" style={{ marginTop: 24 }}>
      <Typography variant="h6">Members</Typography>
      <ul>
        {items.map(member => (
          <li key={member.entity.ref}>
            <details>
              <summary>
                <EntityName entity={member.entity} />
                {member.nestedGroups
                  ? ` — through ${plural(
                      member.nestedGroups,
                      'nested group',
                      'nested groups',
                    )}`
                  : ' — direct member'}
              </summary>
              <EvidenceChain steps={member.steps} />
            </details>
          </li>
        ))}
      </ul>
      <ShowMore total={total} pages={pages} />
    </section>
  );
}
