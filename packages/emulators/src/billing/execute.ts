import { invalidQuery, invalidRequest } from './bigqueryErrors';
import { rowBytes } from './bytesProcessed';
import { BillingExportTable, dayNumber, ExportSlice } from './exportTable';
import { ParameterUse, ParsedStatement, Position } from './statements';

/** `QueryParameter` of the REST API, as the official client sends it. */
export type QueryParameter = {
  name?: string;
  parameterType?: { type?: string; arrayType?: { type?: string } };
  parameterValue?: { value?: string; arrayValues?: Array<{ value?: string }> };
};

/** A result column: query results always describe their schema this way. */
export type ResultField = {
  name: string;
  type: 'STRING' | 'FLOAT';
  mode: 'NULLABLE';
};

export type QueryResult = {
  schema: ResultField[];
  /** Values as the f/v wire format carries them: strings, or null. */
  rows: Array<Array<string | null>>;
  totalBytesProcessed: number;
};

const DATE = /^\d{4}-\d\d-\d\d$/;

const at = (position: Position) => `[${position.line}:${position.column}]`;

function typeName(parameter: QueryParameter | undefined): string {
  const type = parameter?.parameterType?.type ?? 'STRING';
  return type === 'ARRAY'
    ? `ARRAY<${parameter?.parameterType?.arrayType?.type ?? 'STRING'}>`
    : type;
}

function lookUp(
  parameters: QueryParameter[],
  use: ParameterUse,
): QueryParameter {
  const parameter = parameters.find(
    p => p.name?.toLowerCase() === use.name.toLowerCase(),
  );
  if (!parameter) {
    throw invalidQuery(
      `Query parameter '${use.name}' not found at ${at(use.at)}`,
    );
  }
  return parameter;
}

/** The partition range as day numbers, from the two DATE parameters of the BETWEEN. */
function partitionRange(
  statement: ParsedStatement,
  parameters: QueryParameter[],
) {
  const [start, end] = [
    lookUp(parameters, statement.parameters.partitionStart!),
    lookUp(parameters, statement.parameters.partitionEnd!),
  ];
  if (typeName(start) !== 'DATE' || typeName(end) !== 'DATE') {
    throw invalidQuery(
      `No matching signature for operator BETWEEN for argument types: DATE, ${typeName(
        start,
      )}, ${typeName(
        end,
      )}. Supported signature: (ANY) BETWEEN (ANY) AND (ANY) at ${at(
        statement.partitionFilterAt,
      )}`,
    );
  }
  return [start, end].map(parameter => {
    const value = parameter.parameterValue?.value ?? '';
    const day = dayNumber(value);
    if (!DATE.test(value) || Number.isNaN(day)) {
      throw invalidRequest(
        `Invalid date: '${value}' in query parameter '${parameter.name}'`,
      );
    }
    return day;
  });
}

function monthSet(
  statement: ParsedStatement,
  parameters: QueryParameter[],
): Set<string> {
  const use = statement.parameters.months!;
  const parameter = lookUp(parameters, use);
  if (typeName(parameter) !== 'ARRAY<STRING>') {
    throw invalidQuery(
      parameter.parameterType?.type === 'ARRAY'
        ? `No matching signature for operator IN UNNEST for argument types: STRING, ${typeName(
            parameter,
          )} at ${at(use.at)}`
        : `Second argument of IN UNNEST must be an array but was ${typeName(
            parameter,
          )} at ${at(use.at)}`,
    );
  }
  return new Set(
    (parameter.parameterValue?.arrayValues ?? []).map(v => v.value ?? ''),
  );
}

/** The days of `slice` inside [first, last], or 0. */
function overlap(slice: ExportSlice, first: number, last: number): number {
  return Math.max(
    0,
    Math.min(slice.lastDay, last) - Math.max(slice.firstDay, first) + 1,
  );
}

/**
 * Runs a parsed billing statement on the export: the partitions in the BETWEEN range are
 * scanned (and counted in bytes), the rest of the WHERE clause filters, then rows are grouped
 * and ordered as the statement says.
 */
export function runStatement(
  statement: ParsedStatement,
  table: BillingExportTable,
  parameters: QueryParameter[],
): QueryResult {
  const [first, last] = partitionRange(statement, parameters);
  const months =
    statement.kind === 'spend' ? monthSet(statement, parameters) : undefined;
  let totalBytesProcessed = 0;
  const groups = new Map<
    string,
    { key: Array<string | null>; cost: number; credits: number }
  >();
  for (const slice of table.slices) {
    const days = overlap(slice, first, last);
    if (days === 0) continue;
    totalBytesProcessed +=
      days * slice.rowsPerDay * rowBytes(slice, statement.columns);
    if (months && !months.has(slice.invoiceMonth)) continue;
    const key =
      statement.kind === 'spend'
        ? [slice.invoiceMonth, slice.projectId, slice.service]
        : [slice.invoiceMonth];
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, cost: 0, credits: 0 };
    const share = days / (slice.lastDay - slice.firstDay + 1);
    group.cost += slice.cost * share;
    group.credits += slice.credits * share;
    groups.set(id, group);
  }

  const roles =
    statement.kind === 'spend' ? ['month', 'project', 'service'] : ['month'];
  const rows = [...groups.values()].map(group =>
    statement.kind === 'spend'
      ? [...group.key, String(group.cost), String(group.credits)]
      : group.key,
  );
  const allRoles =
    statement.kind === 'spend' ? [...roles, 'cost', 'credits'] : roles;
  rows.sort((a, b) => {
    for (const { role, descending } of statement.orderBy) {
      const index = allRoles.indexOf(role);
      const order = compareValues(
        a[index],
        b[index],
        role === 'cost' || role === 'credits',
      );
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
  return {
    schema: allRoles.map(role => ({
      name: statement.aliases[role],
      type: role === 'cost' || role === 'credits' ? 'FLOAT' : 'STRING',
      mode: 'NULLABLE',
    })),
    rows,
    totalBytesProcessed,
  };
}

/** BigQuery orders NULLs first in ascending order. */
function compareValues(
  a: string | null,
  b: string | null,
  numeric: boolean,
): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (numeric) return Number(a) - Number(b);
  return a < b ? -1 : 1;
}
