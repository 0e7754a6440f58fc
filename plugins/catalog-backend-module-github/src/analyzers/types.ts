import { Entity } from '@backstage/catalog-model';

/**
 * A repository's files at one commit, as the provider read them from one archive. Analyzers
 * never fetch: they are pure functions of a snapshot, which is what makes them testable on
 * the vendored k8s-infra files and cheap to re-run.
 */
export type RepositorySnapshot = {
  /** GitHub owner (organization or user), as GitHub spells it: `kubernetes`. */
  owner: string;
  /** Repository name: `k8s.io`. */
  name: string;
  /** The commit the files are from. */
  commit: string;
  /** Web URL of the repository: `https://github.com/kubernetes/k8s.io`. */
  htmlUrl: string;
  /** Default branch, for URLs people open. */
  defaultBranch: string;
  /** Repository path (no leading slash) → UTF-8 content. Symlinks are already resolved. */
  files: ReadonlyMap<string, string>;
};

/** A problem in one file. The analyzer skips what it cannot read and goes on with the rest. */
export type AnalyzerProblem = {
  /** Repository path of the file. */
  path: string;
  /** 1-based line, where known. */
  line?: number;
  message: string;
  /**
   * The file, or a document in it, could not be read at all (invalid YAML, a wrong shape, too
   * large, missing): whatever it declares may be absent from this crawl, so the provider must
   * not remove anything. Problems with single values (a 'TBD' URL) leave this unset.
   */
  unread?: true;
};

/** A problem at a file and, where known, a line. */
export const problemAt = (
  path: string,
  line: number | undefined,
  message: string,
): AnalyzerProblem => (line ? { path, line, message } : { path, message });

/** The owner of a path and why: the rule that applied and its evidence, for people to check. */
export type ResolvedOwner = { ref: string; evidence: string };

/** What an analyzer is given besides its own options. */
export type AnalyzerContext = {
  snapshot: RepositorySnapshot;
  /** Blob URL of a file at the snapshot's commit (for `declared-in` and source locations). */
  fileUrl(path: string): string;
  /** Tree URL of a directory at the snapshot's commit (for TechDocs and source locations). */
  treeUrl(path: string): string;
  /** The owner of a repository path under the module's ownership rule. */
  ownerOf(path: string): ResolvedOwner;
};

/**
 * Directories of repositories (usually others than the one analysed) that an analyzer's files
 * give to an owner: sigs.yaml subprojects list the OWNERS files they own. The ownership rule
 * puts such a claim before everything a repository says about itself (the nearest claimed
 * directory above a path wins), so only analyzers that decide ownership may make claims.
 */
export type PathOwnerClaim = {
  /** Entity ref of the owning group. */
  group: string;
  /** Entity ref of the System the claimed directories are part of. */
  system: string;
  /** The subproject's name as sigs.yaml writes it (`k8s.io`), for evidence people read. */
  subproject: string;
  /** The claimed directories: the directory of an OWNERS file, `''` for a repository root. */
  owners: Array<{ owner: string; repo: string; dir: string }>;
};

/** What an analyzer makes of one repository snapshot. */
export type AnalyzerOutput = {
  entities: Entity[];
  problems: AnalyzerProblem[];
  /** Directories given to owners (only from analyzers that decide ownership). */
  pathOwners?: PathOwnerClaim[];
  /**
   * Facts kept with the crawl's run record rather than as entities, by name (the
   * `declared-gcp-projects` analyzer's `declaredGcpProjects`, which drift compares with GCP).
   * Plain JSON: the run record stores them as they are.
   */
  facts?: Record<string, unknown>;
};
