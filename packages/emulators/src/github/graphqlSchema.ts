import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLSchema } from 'graphql';

let schema: GraphQLSchema | undefined;

/**
 * The package exports only its ESM entry point, so neither the SDL nor its package.json can
 * be `require.resolve`d: look for it where `require` would look for the package.
 */
function schemaFile(): string {
  const file = (require.resolve.paths('@octokit/graphql-schema') ?? [])
    .map(dir => join(dir, '@octokit/graphql-schema/schema.graphql'))
    .find(candidate => existsSync(candidate));
  if (!file) throw new Error('@octokit/graphql-schema is not installed');
  return file;
}

/**
 * GitHub's public GraphQL schema, as `@octokit/graphql-schema` ships it. Built once per
 * process, on first use (a few hundred milliseconds). `assumeValidSDL` because the SDL defines a field
 * twice, which GitHub's server tolerates and `graphql-js` would otherwise reject.
 */
export function githubSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(schemaFile(), 'utf8'), {
    assumeValidSDL: true,
  });
  return schema;
}
