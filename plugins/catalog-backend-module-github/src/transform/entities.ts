import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  CodeOwnershipRules,
  OwnersAliasesRules,
  OwnersFileRules,
  OwnersRules,
  codeownerRef,
  codeownersForDirectory,
  loginsOf,
  namesOf,
  parseCodeowners,
  pickCodeownersFile,
} from '@infra-atlas/inventory-common';
import { posix } from 'node:path';
import { parseOwnersAliases, parseOwnersFile } from '../analyzers/owners';
import {
  AnalyzerContext,
  AnalyzerProblem,
  PathOwnerClaim,
  RepositorySnapshot,
} from '../analyzers/types';
import { GithubInventoryProviderConfig, analyzersFor } from '../lib/config';
import { CrawlResult, CrawledRepository, slugOf } from '../lib/crawl';
import {
  CodeownersLookup,
  RepositoryOwnerResolver,
} from '../ownership/ownerResolver';
import { linkServedHostnames, runAnalyzer } from './analyzers';
import { catalogInfoEntities } from './catalogInfo';
import { mergeEntities } from './mergeEntities';
import {
  OwnersPerson,
  ownersAliasGroupRef,
  ownersAliasGroups,
  ownersUsers,
} from './people';
import {
  directoryOwnership,
  repositoryEntity,
  withCodeOwnership,
} from './repository';
import { teamEntities } from './teams';

export type TransformProblem = AnalyzerProblem & { repository: string };

export type TransformResult = {
  entities: Entity[];
  problems: TransformProblem[];
  /**
   * Facts the analyzers keep with the run rather than as entities, by name
   * (`declaredGcpProjects`: declared versus observed).
   */
  declarations: Record<string, unknown>;
};

/** A file that could not be read: what it declares is missing from this crawl. */
const unreadFile = (error: unknown, path: string): AnalyzerProblem => ({
  path: (error as { path?: string }).path ?? path,
  message: error instanceof Error ? error.message : String(error),
  unread: true,
});

/** Every repository gets a snapshot: the archive's files, else the root files of the listing. */
function snapshotOf(repo: CrawledRepository): RepositorySnapshot {
  return (
    repo.snapshot ?? {
      owner: repo.info.owner,
      name: repo.info.name,
      commit: repo.info.headCommit ?? '',
      htmlUrl: repo.info.url,
      defaultBranch: repo.info.defaultBranch ?? 'HEAD',
      files: repo.info.rootFiles,
    }
  );
}

/**
 * The ownership files of one repository, parsed into the rules its Component stores; bad
 * files become problems. `tree` when the repository was read from an archive (every OWNERS
 * file of the commit), else `root` (the listing's root files only).
 */
function readOwnership(
  snapshot: RepositorySnapshot,
  ownersDepth: CodeOwnershipRules['ownersDepth'],
  problems: AnalyzerProblem[],
) {
  const owners: OwnersFileRules[] = [];
  let aliases: OwnersAliasesRules | undefined;
  for (const [path, content] of snapshot.files) {
    try {
      if (posix.basename(path) === 'OWNERS') {
        const parsed = parseOwnersFile(content, path);
        owners.push(parsed.rules);
        problems.push(...parsed.problems);
      } else if (path === 'OWNERS_ALIASES') {
        aliases = parseOwnersAliases(content, path);
      }
    } catch (error) {
      problems.push(unreadFile(error, path));
    }
  }
  const codeownersPath = pickCodeownersFile(snapshot.files.keys());
  const codeowners = codeownersPath
    ? parseCodeowners(codeownersPath, snapshot.files.get(codeownersPath)!)
    : undefined;
  for (const { line, reason } of codeowners?.skipped ?? []) {
    problems.push({
      path: codeownersPath!,
      ...(line ? { line } : {}),
      message: reason,
    });
  }
  const rules: CodeOwnershipRules = {
    url: snapshot.htmlUrl,
    branch: snapshot.defaultBranch,
    ...(snapshot.commit ? { commit: snapshot.commit } : {}),
    ownersDepth,
    owners: owners.sort((a, b) => a.path.localeCompare(b.path)),
    ...(aliases ? { aliases } : {}),
    ...(codeowners
      ? {
          codeowners: {
            path: codeowners.path,
            rules: codeowners.rules,
            ...(codeowners.skipped.length
              ? { skipped: codeowners.skipped }
              : {}),
          },
        }
      : {}),
  };
  const lookup: CodeownersLookup | undefined = rules.codeowners
    ? dir =>
        codeownersForDirectory(rules.codeowners!, dir)?.owners.flatMap(
          token => {
            const resolved = codeownerRef(token);
            return 'ref' in resolved ? [resolved.ref] : [];
          },
        )
    : undefined;
  return {
    rules,
    /** Alias → members, for the alias Groups and their members. */
    aliases: new Map(
      Object.entries(aliases?.aliases ?? {}).map(([name, a]) => [
        name,
        a.members,
      ]),
    ),
    tree: new OwnersRules(rules),
    codeowners: lookup,
  };
}

/**
 * `backstage.io/managed-by-location`: the file that declares the entity, else the repository
 * it is (every entity has one or the other).
 */
function stampLocation(entity: Entity): Entity {
  const annotations = entity.metadata.annotations ?? {};
  const source =
    annotations[ANNOTATIONS.declaredIn] ?? annotations['backstage.io/view-url'];
  if (!source) {
    return entity;
  }
  const location = `url:${source}`;
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        ...annotations,
      },
    },
  };
}

/**
 * Turns a crawl into the provider's entities: first the analyzers that decide ownership
 * elsewhere (sigs.yaml: its subprojects and groups), then each repository — its Component
 * with owner and OWNERS facts, its alias groups and people, what its other analyzers
 * declare — and finally the links that need more than one analyzer (DNS names to the
 * entities that serve them).
 */
export function crawlToEntities(
  crawl: CrawlResult,
  config: GithubInventoryProviderConfig,
): TransformResult {
  const entities: Entity[] = [];
  const problems: TransformProblem[] = [];
  const declarations: TransformResult['declarations'] = {};
  const report = (repository: string, found: AnalyzerProblem[]) =>
    problems.push(...found.map(p => ({ repository, ...p })));
  const contextOf = (
    snapshot: RepositorySnapshot,
    resolver?: RepositoryOwnerResolver,
  ): AnalyzerContext => ({
    snapshot,
    fileUrl: path =>
      `${snapshot.htmlUrl}/blob/${snapshot.defaultBranch}/${path}`,
    treeUrl: path =>
      `${snapshot.htmlUrl}/tree/${snapshot.defaultBranch}/${path}`.replace(
        /\/$/,
        '',
      ),
    ownerOf: path =>
      resolver?.ownerOf(path) ?? {
        ref: config.fallbackOwner,
        evidence: 'fallback owner',
      },
  });

  // 1. Analyzers that decide ownership (sigs.yaml): the path claims and groups the ownership
  // rule builds on. Nothing owns anything yet, so their context's owner is the fallback.
  const pathOwners: PathOwnerClaim[] = [];
  let knownGroups: Set<string> | undefined;
  for (const repo of crawl.repositories) {
    for (const analyzer of analyzersFor(config, repo.info).filter(
      a => a.decidesOwnership,
    )) {
      const output = runAnalyzer(analyzer, contextOf(snapshotOf(repo)));
      entities.push(...output.entities);
      report(slugOf(repo.info), output.problems);
      Object.assign(declarations, output.facts);
      pathOwners.push(...(output.pathOwners ?? []));
      if (output.entities.length) knownGroups ??= new Set();
      for (const e of output.entities.filter(x => x.kind === 'Group')) {
        knownGroups?.add(stringifyEntityRef(e));
      }
    }
  }

  // Teams before the repositories: their members' profile names beat bare OWNERS logins.
  entities.push(...teamEntities(crawl.teams));

  // 2. Each repository: Component (or its own catalog-info.yaml), people, declared infra.
  // Sources before forks: when a fork's catalog-info.yaml defines the same entities as its
  // source repository, the first definition is kept, so the source's wins (and the fork's is
  // reported as a conflict).
  const sourcesFirst = [...crawl.repositories].sort(
    (x, y) => Number(x.info.isFork) - Number(y.info.isFork),
  );
  const people = new Map<string, OwnersPerson>();
  const person = (login: string, namedIn: string) => {
    const key = login.toLowerCase();
    if (!people.has(key)) people.set(key, { groups: new Map(), namedIn });
    return people.get(key)!.groups;
  };
  for (const repo of sourcesFirst) {
    const slug = slugOf(repo.info);
    const snapshot = snapshotOf(repo);
    const repoProblems: AnalyzerProblem[] = [];
    const ownership = readOwnership(
      snapshot,
      repo.snapshot ? 'tree' : 'root',
      repoProblems,
    );
    const resolver = new RepositoryOwnerResolver(repo.info, {
      subprojects: pathOwners,
      ownersTree: ownership.tree,
      aliasGroup: alias =>
        ownership.aliases.has(alias)
          ? ownersAliasGroupRef(repo.info, alias)
          : undefined,
      codeowners: ownership.codeowners,
      knownGroups,
      fallback: config.fallbackOwner,
    });
    const ctx = contextOf(snapshot, resolver);

    const ownersFiles = ownership.rules.owners.map(f => ctx.fileUrl(f.path));
    const catalogInfo = repo.info.rootFiles.get('catalog-info.yaml');
    if (catalogInfo !== undefined && config.useCatalogInfo) {
      const own = catalogInfoEntities(catalogInfo, {
        path: 'catalog-info.yaml',
        url: ctx.fileUrl('catalog-info.yaml'),
        extra: {
          'github.com/project-slug': `${repo.info.owner}/${repo.info.name}`,
          ...(ownersFiles.length
            ? {
                [ANNOTATIONS.ownersFiles]: ownersFiles.join(','),
                [ANNOTATIONS.ownersApprovers]: loginsOf(
                  ownership.tree.ownersOf('').approvers,
                ).join(','),
              }
            : {}),
        },
      });
      entities.push(...withCodeOwnership(own.entities, ownership.rules));
      repoProblems.push(...own.problems);
    } else {
      entities.push(
        repositoryEntity(repo.info, {
          owner: resolver.ownerOf(''),
          componentTypes: config.componentTypes,
          ownership: directoryOwnership(ownership.tree, dir =>
            resolver.ownerOf(dir),
          ),
          ownersFiles,
          codeOwnership: ownership.rules,
        }),
      );
    }

    if (ownership.aliases.size) {
      entities.push(
        ...ownersAliasGroups(
          repo.info,
          ownership.aliases,
          ctx.fileUrl('OWNERS_ALIASES'),
        ),
      );
      for (const [alias, logins] of ownership.aliases) {
        for (const login of logins) {
          person(login, ctx.fileUrl('OWNERS_ALIASES')).set(
            ownersAliasGroupRef(repo.info, alias),
            ctx.fileUrl('OWNERS_ALIASES'),
          );
        }
      }
    }
    for (const file of ownership.rules.owners) {
      const named = [file, ...(file.filters ?? [])].flatMap(e => [
        ...namesOf(e.approvers),
        ...namesOf(e.reviewers),
      ]);
      for (const entry of named) {
        if (!ownership.aliases.has(entry))
          person(entry, ctx.fileUrl(file.path));
      }
    }

    for (const analyzer of analyzersFor(config, repo.info).filter(
      a => !a.decidesOwnership,
    )) {
      const output = runAnalyzer(analyzer, ctx);
      entities.push(...output.entities);
      repoProblems.push(...output.problems);
      Object.assign(declarations, output.facts);
      if (output.pathOwners?.length) {
        repoProblems.push({
          path: analyzer.paths[0] ?? '',
          message: `analyzer '${analyzer.type}' claims owners for paths, but only analyzers that decide ownership may; the claims are ignored`,
        });
      }
    }
    report(slug, repoProblems);
  }
  entities.push(...ownersUsers(people));

  // 3. Links across analyzers, then one entity per ref.
  linkServedHostnames(entities);
  const merged = mergeEntities(entities.map(stampLocation));
  report(
    'catalog',
    merged.conflicts.map(c => ({ path: c.ref, message: c.message })),
  );
  return {
    entities: merged.entities,
    problems,
    declarations,
  };
}
