import { GraphQLError } from 'graphql';

/** The paging arguments every GitHub connection takes. */
export type ConnectionArgs = {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
};

const PREFIX = 'cursor:v2:';

/** Opaque to clients, like GitHub's (base64 too); here it holds an offset in the list. */
const encodeCursor = (offset: number) =>
  Buffer.from(`${PREFIX}${offset}`).toString('base64');

function decodeCursor(cursor: string): number {
  const match = Buffer.from(cursor, 'base64')
    .toString()
    .match(/^cursor:v2:(\d+)$/);
  if (!match) {
    throw new GraphQLError(
      `\`${cursor}\` does not appear to be a valid cursor.`,
      {
        extensions: { type: 'INVALID_CURSOR_ARGUMENTS' },
      },
    );
  }
  return Number(match[1]);
}

/**
 * One page of `items` as a GitHub connection (`totalCount`, `pageInfo`, `nodes`, `edges`).
 * Nodes are built only for the page, and only if the query asks for them. `edge` adds
 * fields to each edge, e.g. a member's `role`.
 */
export function connection<T>(
  items: readonly T[],
  args: ConnectionArgs,
  node: (item: T) => unknown,
  edge: (item: T) => object = () => ({}),
) {
  let start = args.after ? decodeCursor(args.after) + 1 : 0;
  let end = args.before ? decodeCursor(args.before) : items.length;
  end = Math.min(end, items.length);
  if (args.first !== undefined && args.first !== null) {
    end = Math.min(end, start + args.first);
  }
  if (args.last !== undefined && args.last !== null) {
    start = Math.max(start, end - args.last);
  }
  const offsets = Array.from(
    { length: Math.max(0, end - start) },
    (_, i) => start + i,
  );
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: offsets.length ? encodeCursor(offsets[0]) : null,
      endCursor: offsets.length
        ? encodeCursor(offsets[offsets.length - 1])
        : null,
    },
    get nodes() {
      return offsets.map(offset => node(items[offset]));
    },
    get edges() {
      return offsets.map(offset => ({
        cursor: encodeCursor(offset),
        node: node(items[offset]),
        ...edge(items[offset]),
      }));
    },
  };
}
