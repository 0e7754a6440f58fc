import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';

/** Items (or members) asked for per "Show more". */
export const PAGE_SIZE = 10;

/**
 * A list an answer sends a page of, and the pages after it asked for as the reader wants
 * more: `more()` asks for the {@link PAGE_SIZE} positions after those asked so far and
 * appends what comes. Positions, not rows shown: a page leaves out the rows the reader may
 * not see, and the next page still starts where the last one ended, not inside it.
 *
 * @param firstSpan - the positions `first` stands for: the page size the answer was asked
 *   with (0 when it came without the list's first page)
 */
export function useMorePages<T>(
  first: T[],
  nextPage: (offset: number) => Promise<T[]>,
  firstSpan: number,
) {
  const [items, setItems] = useState<T[]>(first);
  const [shown, setShown] = useState(firstSpan);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();
  const more = async () => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await nextPage(shown);
      setItems([...items, ...page]);
      setShown(shown + PAGE_SIZE);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  };
  return { items, shown, loading, error, more };
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * "Show 10 more of 317" under a list of `total` of which the first `shown` positions were
 * asked for ("Show the first 10 of 14" when none were yet; "Show 10 more owners of 488" with
 * `noun`, where the list's heading does not say what it lists), and what went wrong if the
 * last page could not be loaded.
 */
export function ShowMore(props: {
  total: number;
  pages: Omit<ReturnType<typeof useMorePages>, 'items'>;
  noun?: string;
}) {
  const { total } = props;
  const noun = props.noun ? ` ${props.noun}` : '';
  const { shown, loading, error, more } = props.pages;
  const left = total - shown;
  return (
    <>
      {left > 0 && (
        <Button size="small" onClick={more} disabled={loading}>
          {shown
            ? `Show ${Math.min(left, PAGE_SIZE)} more${noun} of ${count(left)}`
            : `Show ${
                total > PAGE_SIZE ? `the first ${PAGE_SIZE}${noun} of ` : ''
              }${count(total)}${total > PAGE_SIZE ? '' : noun}`}
        </Button>
      )}
      {error && (
        <Typography variant="body2" color="error" role="alert">
          Could not load more: {error.message}
        </Typography>
      )}
    </>
  );
}
