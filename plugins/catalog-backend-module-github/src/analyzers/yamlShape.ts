import { AnalyzerProblem, problemAt } from './types';
import { YamlDocument, parseYamlWithLines, problemFrom } from './yamlFile';

/*
 * Reading the plain values of a parsed YAML file when one bad entry must not hide the rest of
 * the file (sigs.yaml, groups.yaml): what has the wrong shape is reported, with the YAML path
 * in the message and the line where it is certain, and reading goes on.
 */

/** Whether a parsed YAML value is a mapping (not a list, a scalar or null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects the problems of one YAML file while its values are read. */
export class YamlShape {
  readonly problems: AnalyzerProblem[] = [];

  constructor(
    readonly path: string,
    private readonly content: string,
    private readonly doc: YamlDocument,
  ) {}

  /** The file's parsed value. */
  get value(): unknown {
    return this.doc.value;
  }

  /** The line of the key or item at `keys`, a path of map keys and sequence indexes. */
  lineOf(keys: ReadonlyArray<string | number>): number | undefined {
    return this.doc.lineOf(keys);
  }

  /**
   * The line where `text` stands, when it stands there only: for readers whose YAML paths are
   * names (`sig-x.leadership`) rather than keys, so that {@link lineOf} cannot be asked.
   */
  lineWith(text: string): number | undefined {
    const at = this.content.indexOf(text);
    if (at < 0 || this.content.indexOf(text, at + 1) >= 0) return undefined;
    return this.content.slice(0, at).split('\n').length;
  }

  /** Records a problem at `where`, a YAML path for people to find it by. */
  report(where: string, message: string, line?: number): void {
    this.problems.push(
      problemAt(this.path, line, where ? `${where}: ${message}` : message),
    );
  }

  /**
   * A mapping, with its keys outside `known` reported (any key goes when `known` is not
   * given); undefined for anything else.
   */
  mapping(
    value: unknown,
    where: string,
    known?: readonly string[],
  ): Record<string, unknown> | undefined {
    if (!isRecord(value)) {
      this.report(where, 'must be a mapping');
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (known && !known.includes(key)) {
        this.report(where, `unknown key '${key}'`, this.lineWith(`${key}:`));
      }
    }
    return value;
  }

  /** A list; absent is empty. */
  list(value: unknown, where: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.report(where, 'must be a list');
    return [];
  }

  /** A scalar as trimmed text; absent or empty is undefined. Numbers are accepted as text. */
  text(value: unknown, where: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
    if (typeof value !== 'string') {
      this.report(where, 'must be a string');
      return undefined;
    }
    return value.trim() || undefined;
  }
}

/**
 * Parses a YAML file for reading with a {@link YamlShape}. Invalid YAML is a located problem
 * instead of an exception.
 */
export function readYaml(
  path: string,
  content: string,
): { shape: YamlShape } | { problem: AnalyzerProblem } {
  try {
    return {
      shape: new YamlShape(path, content, parseYamlWithLines(content, path)),
    };
  } catch (e) {
    return { problem: problemFrom(e) };
  }
}
