import type {
  ConcreteLunrQuery,
  LunrQueryTranslator,
} from '@backstage/plugin-search-backend-node';
import type { SearchQuery } from '@backstage/plugin-search-common';
import lunr from 'lunr';

/** Words shorter than this are matched exactly or as a prefix only, never with a typo. */
const MIN_TYPO_WORD_LENGTH = 4;

const DEFAULT_PAGE_SIZE = 25;

/**
 * Lunr's query for a search (the demo's engine): each word of the term exactly (stemmed),
 * as a prefix, or with one typo, the exact match scoring highest.
 *
 * Why not Lunr's stock query: it also matches every word within TWO edits of each word of the
 * term. Lunr keeps dots and slashes inside words, so `registry.k8s.io/kube-apiserver` has a
 * 20-character word, and two edits of it took about a second per search on the demo's index
 * (a 20th of that with one edit), several seconds under load, and the search page sends four
 * queries per term. One edit still finds `registy` for `registry`; short words would match
 * half the index with any edit at all.
 *
 * Filters are as in Lunr's stock query, which the exact look-up relies on (see
 * `RankedSearchEngine`): a single value must match; a list matches documents holding any of
 * its values, each compared whole. A filter on a field an index lacks raises the error Lunr's
 * engine expects ("unrecognised field"), so that index is skipped rather than failing.
 */
export const inventoryLunrQuery: LunrQueryTranslator = (
  query: SearchQuery,
): ConcreteLunrQuery => ({
  documentTypes: query.types,
  pageSize: query.pageLimit || DEFAULT_PAGE_SIZE,
  lunrQueryBuilder: builder => {
    const words = lunr.tokenizer(query.term);
    builder.term(words, { usePipeline: true, boost: 100 });
    builder.term(words, {
      usePipeline: false,
      boost: 10,
      wildcard: lunr.Query.wildcard.TRAILING,
    });
    builder.term(
      words.filter(word => word.toString().length >= MIN_TYPO_WORD_LENGTH),
      // Stemmed like the index's words, so that one edit is one typo (the index holds
      // `registri` for `registry`).
      { usePipeline: true, boost: 1, editDistance: 1 },
    );
    for (const [field, value] of Object.entries(query.filters ?? {})) {
      addFilter(builder, field, value);
    }
  },
});

function addFilter(builder: lunr.Query, field: string, value: unknown) {
  if (!builder.allFields.includes(field)) {
    throw new Error(`unrecognised field ${field}`);
  }
  // Filters come from the query string: strings, at most numbers or booleans.
  const values = (Array.isArray(value) ? value : [value]).filter(v =>
    ['string', 'number', 'boolean'].includes(typeof v),
  );
  if (!values.length) return;
  if (values.length === 1) {
    const words = lunr
      .tokenizer(String(values[0]))
      .map(word => lunr.stopWordFilter(word))
      .filter((word): word is lunr.Token => word !== undefined);
    builder.term(words, {
      fields: [field],
      presence: lunr.Query.presence.REQUIRED,
    });
    return;
  }
  builder.term(lunr.tokenizer(values.map(String)), {
    fields: [field],
    presence: lunr.Query.presence.OPTIONAL,
  });
}
