import { parseDocument } from 'yaml';

/** Files larger than this are refused: an OWNERS file is a few hundred bytes. */
export const MAX_ANALYZED_FILE_BYTES = 1024 * 1024;
/** YAML aliases allowed per file; a handful is normal, thousands is an alias bomb. */
const MAX_ALIASES = 100;

/** A file an analyzer could not read, with where and why. */
export class AnalyzerInputError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'AnalyzerInputError';
  }
}

/**
 * Parses one YAML file defensively: size-limited, alias-limited, and with the line and
 * column of the first error in the message, so one bad file is reported where it is and
 * the crawl goes on.
 */
export function parseYamlFile(content: string, path: string): unknown {
  if (Buffer.byteLength(content, 'utf8') > MAX_ANALYZED_FILE_BYTES) {
    throw new AnalyzerInputError(
      path,
      `file is larger than ${MAX_ANALYZED_FILE_BYTES} bytes; refusing to parse it`,
    );
  }
  const doc = parseDocument(content, { uniqueKeys: false });
  const [error] = doc.errors;
  if (error) {
    const at = error.linePos?.[0];
    throw new AnalyzerInputError(
      path,
      `invalid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${
        error.message.split('\n')[0]
      }`,
    );
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new AnalyzerInputError(
      path,
      `YAML could not be expanded: ${e instanceof Error ? e.message : e}`,
    );
  }
}
