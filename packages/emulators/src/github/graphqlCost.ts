import {
  FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';

/** What a query costs, computed before it runs, as GitHub does. */
export type QueryCost = {
  /** Points taken from the `graphql` budget; `rateLimit.cost`. */
  points: number;
  /** Nodes the query may return at most; `rateLimit.nodeCount`. */
  nodeCount: number;
};

const MAX_PAGE_SIZE = 100;
const MAX_NODES = 500_000;

/** A limit error: GitHub reports its kind as a top-level `type`. */
function limitError(
  type: string,
  message: string,
  node: SelectionNode,
  path: string[],
): GraphQLError {
  return new GraphQLError(message, {
    nodes: [node],
    path,
    extensions: { type },
  });
}

const isConnection = (field: GraphQLField<unknown, unknown>) =>
  getNamedType(field.type).name.endsWith('Connection') &&
  field.args.some(arg => arg.name === 'first');

/**
 * GitHub's documented rules, applied to the query as written: every connection needs
 * `first` or `last` between 1 and 100; the nodes it may return (each connection's size times
 * those of the connections around it) must stay within 500,000; and it costs one request
 * per connection per parent node, summed, divided by 100 and rounded, at least 1 point.
 * Throws the limit error GitHub would answer with.
 */
export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): QueryCost {
  let requests = 0;
  let nodeCount = 0;

  const visit = (
    type: GraphQLNamedType | undefined | null,
    selectionSet: SelectionSetNode,
    multiplier: number,
    path: string[],
  ) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        visit(
          condition ? schema.getType(condition) : type,
          selection.selectionSet,
          multiplier,
          path,
        );
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        visit(
          schema.getType(fragment.typeCondition.name.value),
          fragment.selectionSet,
          multiplier,
          path,
        );
      } else if (
        selection.selectionSet &&
        (isObjectType(type) || isInterfaceType(type))
      ) {
        const field = type.getFields()[selection.name.value];
        const fieldPath = [
          ...path,
          selection.alias?.value ?? selection.name.value,
        ];
        let inner = multiplier;
        if (field && isConnection(field)) {
          const args = getArgumentValues(field, selection, variables);
          const bound = args.first === undefined ? 'last' : 'first';
          const size = (args.first ?? args.last) as number | undefined;
          if (size === undefined || size === null) {
            throw limitError(
              'MISSING_PAGINATION_BOUNDARIES',
              `You must provide a \`first\` or \`last\` value to properly paginate the \`${field.name}\` connection.`,
              selection,
              fieldPath,
            );
          }
          if (size > MAX_PAGE_SIZE) {
            throw limitError(
              'EXCESSIVE_PAGINATION',
              `Requesting ${size} records on the \`${field.name}\` connection exceeds the \`${bound}\` limit of ${MAX_PAGE_SIZE} records.`,
              selection,
              fieldPath,
            );
          }
          requests += multiplier;
          inner = multiplier * Math.max(size, 0);
          nodeCount += inner;
          if (nodeCount > MAX_NODES) {
            throw limitError(
              'MAX_NODE_LIMIT_EXCEEDED',
              `By the time this query traverses to the ${
                field.name
              } connection, it is requesting up to ${nodeCount.toLocaleString(
                'en-US',
              )} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString(
                'en-US',
              )}.`,
              selection,
              fieldPath,
            );
          }
        }
        if (field) {
          visit(
            getNamedType(field.type),
            selection.selectionSet,
            inner,
            fieldPath,
          );
        }
      }
    }
  };

  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : schema.getQueryType();
  visit(root, operation.selectionSet, 1, []);
  return { points: Math.max(1, Math.round(requests / 100)), nodeCount };
}
