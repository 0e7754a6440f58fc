import {
  Document,
  LineCounter,
  isMap,
  isScalar,
  parseAllDocuments,
  parseDocument,
} from 'yaml';
import { AnalyzerProblem, problemAt } from './types';

/*
 * YAML as every analyzer reads it: size-limited, alias-limited, and with the line of what is
 * wrong, so that one bad file is reported where it is and the crawl goes on. Line numbers are
 * kept for analyzers that report where in a file a problem is (a record in a zone file, a
 * project in infra.yaml); multi-document streams are for Kubernetes manifests.
 */

/** Files larger than this are refused: an OWNERS file is a few hundred bytes. */
export const MAX_ANALYZED_FILE_BYTES = 1024 * 1024;
/** YAML aliases allowed per document; a handful is normal, thousands is an alias bomb. */
const MAX_ALIASES = 100;

/** A file an analyzer could not read, with where and why. */
export class AnalyzerInputError extends Error {
  constructor(
    readonly path: string,
    /** The message without the path and line, for an `AnalyzerProblem`. */
    readonly detail: string,
    /** 1-based line, where known. */
    readonly line?: number,
  ) {
    super(`${path}: ${line ? `line ${line}: ` : ''}${detail}`);
    this.name = 'AnalyzerInputError';
  }
}

/**
 * The problem an {@link AnalyzerInputError} describes, with its line where known.
 * Anything else is a bug in the analyzer, not bad input, and is rethrown.
 */
export function problemFrom(error: unknown): AnalyzerProblem {
  if (error instanceof AnalyzerInputError) {
    return { ...problemAt(error.path, error.line, error.detail), unread: true };
  }
  throw error;
}

/** One parsed YAML document: its value, and where its parts are. */
export type YamlDocument = {
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
  /** Line of the key at `keys` (a path of map keys and sequence indexes), where known. */
  lineOf(keys: ReadonlyArray<string | number>): number | undefined;
};

function refuseHugeFiles(content: string, path: string) {
  if (Buffer.byteLength(content, 'utf8') > MAX_ANALYZED_FILE_BYTES) {
    throw new AnalyzerInputError(
      path,
      `file is larger than ${MAX_ANALYZED_FILE_BYTES} bytes; refusing to parse it`,
    );
  }
}

function toDocument(
  doc: Document,
  path: string,
  lines: LineCounter,
): YamlDocument {
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const [error] = doc.errors;
  if (error) {
    const at = error.linePos?.[0];
    // The line goes into the error's own field; the parser's copy of it is dropped.
    const message = error.message
      .split('\n')[0]
      .replace(/ at line \d+, column \d+:?$/, '');
    throw new AnalyzerInputError(
      path,
      `invalid YAML${at ? ` (column ${at.col})` : ''}: ${message}`,
      at?.line,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new AnalyzerInputError(
      path,
      `YAML could not be expanded: ${e instanceof Error ? e.message : e}`,
      doc.contents?.range ? lineAt(doc.contents.range[0]) : undefined,
    );
  }
  const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
  const lineOfNode = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineAt(range[0]) : undefined;
  };
  return {
    value,
    line: lineAt(start),
    lineOf(keys) {
      if (keys.length === 0) return lineAt(start);
      const parent =
        keys.length > 1 ? doc.getIn(keys.slice(0, -1), true) : doc.contents;
      const last = String(keys[keys.length - 1]);
      if (isMap(parent)) {
        // The last of duplicate keys: its value is the one that counts.
        const pair = [...parent.items]
          .reverse()
          .find(p => String(isScalar(p.key) ? p.key.value : p.key) === last);
        return lineOfNode(pair?.key);
      }
      return lineOfNode(doc.getIn(keys, true));
    },
  };
}

/**
 * Parses a single-document YAML file, keeping line numbers. Throws an
 * {@link AnalyzerInputError} naming the file and, where known, the line.
 */
export function parseYamlWithLines(
  content: string,
  path: string,
): YamlDocument {
  refuseHugeFiles(content, path);
  const lines = new LineCounter();
  const doc = parseDocument(content, { uniqueKeys: false, lineCounter: lines });
  return toDocument(doc, path, lines);
}

/** The value of a single-document YAML file; throws as {@link parseYamlWithLines} does. */
export function parseYamlFile(content: string, path: string): unknown {
  return parseYamlWithLines(content, path).value;
}

/**
 * Parses every document of a YAML stream (`---`-separated, as `kubectl apply -f` reads it).
 * A broken document is reported and the others are kept: one typo in a long manifest
 * should not hide the rest of it. Empty documents are dropped. Throws only for a file too
 * large to read at all.
 */
export function parseYamlDocuments(
  content: string,
  path: string,
): { documents: YamlDocument[]; errors: AnalyzerInputError[] } {
  refuseHugeFiles(content, path);
  const lines = new LineCounter();
  const documents: YamlDocument[] = [];
  const errors: AnalyzerInputError[] = [];
  for (const doc of parseAllDocuments(content, {
    uniqueKeys: false,
    lineCounter: lines,
  })) {
    try {
      const parsed = toDocument(doc, path, lines);
      if (parsed.value !== null && parsed.value !== undefined) {
        documents.push(parsed);
      }
    } catch (e) {
      if (!(e instanceof AnalyzerInputError)) throw e;
      errors.push(e);
    }
  }
  return { documents, errors };
}
