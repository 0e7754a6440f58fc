import Button from '@material-ui/core/Button';
import { ReactNode, useState } from 'react';

/**
 * A list that shows its first items and folds the rest behind "Show all N": a project's
 * grants or people can run to dozens, and the card must stay within a screen or two.
 */
export function FoldedList<T>(props: {
  label: string;
  items: T[];
  shown: number;
  children: (item: T) => ReactNode;
}) {
  const { label, items, shown, children } = props;
  const [open, setOpen] = useState(false);
  const visible = open ? items : items.slice(0, shown);
  return (
    <>
      <ul aria-label={label}>{visible.map(children)}</ul>
      {items.length > visible.length && (
        <Button size="small" onClick={() => setOpen(true)}>
          Show all {items.length.toLocaleString('en-US')}
        </Button>
      )}
    </>
  );
}
