import { OwnershipResponse } from '@infra-atlas/inventory-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { EntityName, EvidenceChain } from '../Evidence';
import { plural } from '../format';

/** Members listed before "Show all". */
const SHOWN = 20;

/**
 * A group's members, direct ones first, each with the links that make them a member (the
 * file and line, or the API, that says so).
 */
export function GroupMembers(props: { members: OwnershipResponse['members'] }) {
  const [all, setAll] = useState(false);
  const members = [...props.members].sort(
    (a, b) =>
      a.nestedGroups - b.nestedGroups ||
      a.entity.title.localeCompare(b.entity.title),
  );
  if (!members.length) return null;
  const shown = all ? members : members.slice(0, SHOWN);
  return (
    <section aria-label="Members" style={{ marginTop: 24 }}>
      <Typography variant="h6">Members</Typography>
      <ul>
        {shown.map(member => (
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
      {members.length > shown.length && (
        <Button size="small" onClick={() => setAll(true)}>
          Show all {members.length.toLocaleString('en-US')} members
        </Button>
      )}
    </section>
  );
}
