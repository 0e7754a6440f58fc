import {
  defaultFieldResolver,
  DocumentNode,
  execute,
  FragmentDefinitionNode,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLFieldResolver,
  Kind,
  parse,
  validate,
} from 'graphql';
import { queryCost } from './graphqlCost';
import { rootValue } from './graphqlResolvers';
import { githubSchema } from './graphqlSchema';
import { HttpError, Reply } from './http';
import { RateLimits } from './rateLimits';
import { GithubStore } from './repositories';

type GithubGraphqlError = {
  type?: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  message: string;
};

/** GitHub's error shape: the kind as a top-level `type`, no other extensions. */
function githubError(error: GraphQLError): GithubGraphqlError {
  const type = error.extensions?.type;
  return {
    ...(typeof type === 'string' && { type }),
    ...(error.path && { path: error.path }),
    ...(error.locations && { locations: error.locations }),
    message: error.message,
  };
}

/** GitHub answers GraphQL errors with HTTP 200. */
const errorsReply = (errors: GithubGraphqlError[]): Reply => ({
  status: 200,
  body: { errors },
});

/** A field the resolvers do not provide is one the emulator does not serve: say so. */
const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (
  source,
  args,
  context,
  info,
) => {
  if (typeof source === 'object' && source && !(info.fieldName in source)) {
    throw new GraphQLError(
      `The GitHub emulator does not serve ${info.parentType.name}.${info.fieldName}`,
    );
  }
  return defaultFieldResolver(source, args, context, info);
};

function parseRequest(body: Buffer): {
  query?: unknown;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
} {
  try {
    return JSON.parse(body.toString()) ?? {};
  } catch {
    throw new HttpError(
      400,
      'Problems parsing JSON',
      {},
      'https://docs.github.com/graphql',
    );
  }
}

/**
 * `POST /graphql`: the query is parsed and validated against GitHub's schema, its cost and
 * node count checked and its points spent from the `graphql` budget, then it runs.
 */
export async function graphqlReply(options: {
  body: Buffer;
  store: GithubStore;
  rateLimits: RateLimits;
  /** Told the points of every query that runs. */
  onSpend: (points: number) => void;
}): Promise<Reply> {
  const { query, variables, operationName } = parseRequest(options.body);
  if (typeof query !== 'string') {
    return errorsReply([
      { message: 'A query attribute must be specified and must be a string.' },
    ]);
  }
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return errorsReply([githubError(error as GraphQLError)]);
  }
  const schema = githubSchema();
  const invalid = validate(schema, document);
  if (invalid.length > 0) return errorsReply(invalid.map(githubError));
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return errorsReply([
      {
        message: operationName
          ? `No operation named "${operationName}"`
          : 'An operation name is required',
      },
    ]);
  }
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    variables ?? {},
  );
  if (coerced.errors) return errorsReply(coerced.errors.map(githubError));

  const fragments = Object.fromEntries(
    document.definitions
      .filter(
        (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map(d => [d.name.value, d]),
  );
  let cost;
  try {
    cost = queryCost(schema, operation, fragments, coerced.coerced);
  } catch (error) {
    if (error instanceof GraphQLError) return errorsReply([githubError(error)]);
    throw error;
  }
  if (!options.rateLimits.trySpend('graphql', cost.points)) {
    return errorsReply([
      {
        type: 'RATE_LIMITED',
        message: 'API rate limit exceeded for user ID 1.',
      },
    ]);
  }
  options.onSpend(cost.points);

  const result = await execute({
    schema,
    document,
    operationName,
    variableValues: variables,
    rootValue: rootValue(options.store, cost, () =>
      options.rateLimits.status('graphql'),
    ),
    fieldResolver,
  });
  return {
    status: 200,
    body: {
      data: result.data ?? null,
      ...(result.errors && { errors: result.errors.map(githubError) }),
    },
  };
}
