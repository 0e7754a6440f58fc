const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

function positiveInteger(value: string | null): number | undefined {
  const parsed = Number(value);
  return value !== null && Number.isInteger(parsed) && parsed > 0
    ? parsed
    : undefined;
}

/**
 * One page of a REST list, as GitHub pages them: `per_page` (default 30, at most 100) and
 * `page` (from 1), with a `Link` header (`prev`, `next`, `last`, `first`) whose URLs are the
 * request's own with another `page`, absolute, since clients follow them verbatim.
 */
export function paginate<T>(
  items: readonly T[],
  url: URL,
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(
    positiveInteger(url.searchParams.get('per_page')) ?? DEFAULT_PER_PAGE,
    MAX_PER_PAGE,
  );
  const page = positiveInteger(url.searchParams.get('page')) ?? 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const rels: Array<[string, number]> = [];
  if (page > 1) rels.push(['prev', Math.min(page - 1, last)]);
  if (page < last) rels.push(['next', page + 1], ['last', last]);
  if (page > 1) rels.push(['first', 1]);
  const link = (n: number) => {
    const target = new URL(url);
    target.searchParams.set('page', String(n));
    return target.toString();
  };
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: rels.length
      ? {
          link: rels.map(([rel, n]) => `<${link(n)}>; rel="${rel}"`).join(', '),
        }
      : {},
  };
}
