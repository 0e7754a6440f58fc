import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  IndexableResult,
  IndexableResultSet,
  QueryRequestOptions,
  QueryTranslator,
  SearchEngine,
  SearchQuery,
} from '@backstage/plugin-search-common';
import type { Writable } from 'stream';
import { SEARCH_KEYS_FIELD, normalizeSearchKey } from './searchKeys';
import { kindOrder } from './searchOrder';

/** The type of the one result that says the index is not built yet. */
export const SEARCH_STATUS_TYPE = 'inventory-search-status';

/**
 * How many candidates an exact look-up reads. Lunr splits indexed names at hyphens, so the
 * filter for `aaa` also returns every entity named after cluster aaa (its namespaces, apps,
 * service accounts: hundreds on the snapshot) before the keys are compared here; reading too
 * few left the cluster itself out.
 */
const EXACT_CANDIDATES = 2000;

/** 0 for a result titled by the search key, 1 for one that only lists it among its keys. */
const titleRank = (result: IndexableResult, key: string) =>
  normalizeSearchKey(result.document.title ?? '') === key ? 0 : 1;

const isMissingIndex = (error: unknown) =>
  (error as Error | undefined)?.name === 'MissingIndexError';

/**
 * Wraps the search engine (Lunr in memory on SQLite, PostgreSQL's full text in production) so
 * that both rank alike and answer from the first minute:
 *
 * - Entities whose search keys (name, title, identifiers; see `searchKeys`) equal the term
 *   come first, a System or project before the buckets and records named after it, and among
 *   those of one kind the one titled by the term (cluster `aaa` before the namespaces that
 *   carry the cluster's resource name). The
 *   engine's own relevance orders the rest: neither engine can tell an identifier from a
 *   word that happens to contain it, and their scores differ.
 * - Until the first index is built, an empty answer carries one result saying so, instead
 *   of an empty page or Lunr's `MissingIndexError` (an HTTP 500).
 */
export class RankedSearchEngine implements SearchEngine {
  private readonly indexed = new Set<string>();

  constructor(
    private readonly engine: SearchEngine,
    private readonly logger: LoggerService,
  ) {}

  setTranslator(translator: QueryTranslator) {
    this.engine.setTranslator(translator);
  }

  async getIndexer(type: string): Promise<Writable> {
    const indexer = await this.engine.getIndexer(type);
    // Both engines' indexers close once the index is written (Lunr builds it on close).
    indexer.on('close', () => this.indexed.add(type));
    return indexer;
  }

  async query(
    query: SearchQuery,
    options?: QueryRequestOptions,
  ): Promise<IndexableResultSet> {
    let page: IndexableResultSet;
    let exact: IndexableResult[];
    try {
      [page, exact] = await Promise.all([
        this.engine.query(query, options),
        this.exactMatches(query, options),
      ]);
    } catch (error) {
      if (!isMissingIndex(error)) throw error;
      this.logger.info(
        `Search for "${query.term}" answered "still indexing": ${error}`,
      );
      return this.stillIndexing();
    }
    if (!page.results.length && !exact.length && !this.isIndexed(query)) {
      return this.stillIndexing();
    }
    const exactLocations = new Set(exact.map(r => r.document.location));
    const rest = page.results.filter(
      r => !exactLocations.has(r.document.location),
    );
    // Exact matches lead the first page; later pages only leave them out.
    const results = query.pageCursor ? rest : [...exact, ...rest];
    const firstRank = page.results[0]?.rank ?? 1;
    return {
      ...page,
      results: results.map((r, i) => ({ ...r, rank: firstRank + i })),
    };
  }

  private async exactMatches(
    query: SearchQuery,
    options?: QueryRequestOptions,
  ): Promise<IndexableResult[]> {
    const key = normalizeSearchKey(query.term);
    // A page limit of 0 asks how many results there are (the search page's counts per type).
    if (!key || query.pageLimit === 0) return [];
    // A filter on the keys. PostgreSQL compares JSON exactly. Lunr splits a single value into
    // words but indexes each key whole, and takes a list's values whole: hence the key twice.
    // Both may return more, so the keys are compared again here.
    const candidates = await this.engine.query(
      {
        term: '',
        types: query.types,
        filters: { ...query.filters, [SEARCH_KEYS_FIELD]: [key, key] },
        pageLimit: EXACT_CANDIDATES,
      },
      options,
    );
    return candidates.results
      .filter(r => {
        const keys = (r.document as object as Record<string, unknown>)[
          SEARCH_KEYS_FIELD
        ];
        return Array.isArray(keys) && keys.includes(key);
      })
      .map((r, position) => ({ r, position }))
      .sort(
        (a, b) =>
          kindOrder(a.r.document) - kindOrder(b.r.document) ||
          titleRank(a.r, key) - titleRank(b.r, key) ||
          a.position - b.position,
      )
      .map(({ r }) => r);
  }

  /** Whether an index this query reads has been built since start-up. */
  private isIndexed(query: SearchQuery) {
    return query.types?.length
      ? query.types.some(t => this.indexed.has(t))
      : this.indexed.size > 0;
  }

  private stillIndexing(): IndexableResultSet {
    return {
      results: [
        {
          type: SEARCH_STATUS_TYPE,
          rank: 1,
          document: {
            title: 'Search is still indexing',
            text: 'The catalog and the docs are being indexed after a restart. Try again in a minute.',
            location: '/search',
          },
        },
      ],
    };
  }
}
