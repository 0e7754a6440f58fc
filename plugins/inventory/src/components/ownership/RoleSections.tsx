import { OwnershipSection } from '@infra-atlas/inventory-common';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { OwnershipSectionView } from './OwnershipSectionView';

/**
 * Sections of one role shown before "Show N more": the answer sends the first five of a role
 * with their first page, the rest as counts only.
 */
export const SECTIONS_SHOWN = 5;

/**
 * The sections of one role, the largest first as the answer orders them; the others behind a
 * button. A group that owns 200 projects has one section per project, and listed in full they
 * made the on-call group's answer 21 screens tall.
 */
export function RoleSections(props: {
  query: string;
  sections: OwnershipSection[];
}) {
  const { query, sections } = props;
  const [all, setAll] = useState(false);
  const shown = all ? sections : sections.slice(0, SECTIONS_SHOWN);
  const hidden = sections.length - shown.length;
  return (
    <>
      {shown.map(section => (
        <OwnershipSectionView
          key={section.key}
          query={query}
          section={section}
        />
      ))}
      {hidden > 0 && (
        <Button size="small" onClick={() => setAll(true)}>
          {`Show the other ${hidden.toLocaleString('en-US')}`}
        </Button>
      )}
    </>
  );
}
