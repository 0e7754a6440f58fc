import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { AnalyzerContext, AnalyzerOutput } from './types';

/**
 * An analyzer: how one `type` of `catalog.providers.githubInventory.<id>.analyzers[]` reads a
 * repository. The built-in analyzers and those other modules add through
 * `githubInventoryAnalyzersExtensionPoint` are all defined this way.
 */
export type AnalyzerDefinition<TOptions> = {
  /** The `type` that selects it in configuration: `apps`, `google-groups`, `acme-teams`. */
  type: string;
  /**
   * Its options as written in configuration, besides `type` and `repository`: checked when
   * the backend starts, and with defaults filled in they are what `paths` and `analyze` get.
   */
  options: z.ZodType<TOptions>;
  /**
   * The repository paths it reads: directories (everything below them) or files. Only these
   * (and the ownership files) are kept from the repository's archive.
   */
  paths(options: TOptions): string[];
  /**
   * What it declares decides the owners of other paths: its `pathOwners` claims, and its
   * Groups (only the OWNERS `sig/*` labels that name one of them count). It then runs before
   * every other analyzer, in a context whose `ownerOf` knows nothing yet. Default false.
   */
  decidesOwnership?: boolean;
  /**
   * A pure function of the snapshot (`ctx.snapshot`), the context and the options: no I/O.
   * Whatever it cannot read goes into `problems` (marked `unread` when what the file declares
   * is missing, so that the crawl removes nothing); throwing is reported as the analyzer's
   * files being unread.
   */
  analyze(ctx: AnalyzerContext, options: TOptions): AnalyzerOutput;
};

/**
 * Defines an analyzer with typed options: `options` builds its schema from the `zod` it is
 * given, so that a module needs no zod of its own.
 */
export function createAnalyzer<TOptions>(definition: {
  type: string;
  options: (zod: typeof z) => z.ZodType<TOptions>;
  paths(options: TOptions): string[];
  decidesOwnership?: boolean;
  analyze(ctx: AnalyzerContext, options: TOptions): AnalyzerOutput;
}): AnalyzerDefinition<TOptions> {
  return { ...definition, options: definition.options(z) };
}

/** An analyzer bound to one repository and its checked options, ready to run. */
export type ConfiguredAnalyzer = {
  type: string;
  /** `owner/name` of the repository it reads. */
  repository: string;
  /** The repository paths it reads. */
  paths: string[];
  decidesOwnership: boolean;
  analyze(ctx: AnalyzerContext): AnalyzerOutput;
};

/**
 * An analyzer of any options type. The type is erased only where definitions are collected:
 * `configure` binds each to options its own schema checked.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAnalyzerDefinition = AnalyzerDefinition<any>;

/** The analyzers a provider can configure, by type. */
export class AnalyzerRegistry {
  private readonly byType = new Map<string, AnyAnalyzerDefinition>();

  constructor(definitions: AnyAnalyzerDefinition[] = []) {
    definitions.forEach(d => this.add(d));
  }

  add(definition: AnyAnalyzerDefinition) {
    if (this.byType.has(definition.type)) {
      throw new InputError(
        `Two GitHub inventory analyzers are registered as type '${definition.type}'`,
      );
    }
    this.byType.set(definition.type, definition);
  }

  get types(): string[] {
    return [...this.byType.keys()].sort();
  }

  /**
   * One `analyzers[]` entry, checked: `at` is its configuration path, which every error names
   * (`catalog.providers.githubInventory.k8s.analyzers[2].cluster.name is required`).
   */
  configure(entry: Record<string, unknown>, at: string): ConfiguredAnalyzer {
    const { type, repository, ...options } = entry;
    if (typeof type !== 'string') {
      throw new InputError(`${at}.type is required`);
    }
    const definition = this.byType.get(type);
    if (!definition) {
      throw new InputError(
        `${at}.type '${type}' is not an analyzer; the registered ones are ${this.types.join(
          ', ',
        )}`,
      );
    }
    if (
      typeof repository !== 'string' ||
      !/^[\w.-]+\/[\w.-]+$/.test(repository)
    ) {
      throw new InputError(
        `${at}.repository must be 'owner/name', got ${JSON.stringify(
          repository,
        )}`,
      );
    }
    const parsed = definition.options.safeParse(options);
    if (!parsed.success) {
      throw new InputError(
        parsed.error.issues.map(issue => optionError(issue, at)).join('; '),
      );
    }
    const checked = parsed.data;
    return {
      type,
      repository,
      paths: definition.paths(checked),
      decidesOwnership: definition.decidesOwnership ?? false,
      analyze: ctx => definition.analyze(ctx, checked),
    };
  }
}

/** A zod issue as people read it, at its configuration path. */
function optionError(issue: z.core.$ZodIssue, at: string): string {
  const where = `${at}${issue.path
    .map(key => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')}`;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map(key => `${where}.${key} is not an option of this analyzer`)
      .join('; ');
  }
  if (
    issue.code === 'invalid_type' &&
    /received undefined$/.test(issue.message)
  ) {
    return `${where} is required`;
  }
  return `${where}: ${issue.message}`;
}
