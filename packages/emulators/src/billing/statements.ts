import { invalidQuery, notFound } from './bigqueryErrors';
import { EXPORT_SCHEMA, ExportField } from './exportTable';

/**
 * The two statements the billing source sends, and the only ones the BigQuery emulator runs.
 * Keywords, column names and parameter names are case-insensitive and whitespace is free, as
 * in BigQuery; `AS` before an alias is optional; aliases are the caller's choice. Anything
 * else is refused with invalidQuery and a position, never answered approximately.
 *
 * Spend of some invoice months, cost and credits summed separately:
 *
 *   SELECT invoice.month AS invoice_month, project.id AS project_id,
 *     service.description AS service_description, SUM(cost) AS cost,
 *     SUM(IFNULL((SELECT SUM(credit.amount) FROM UNNEST(credits) AS credit), 0)) AS credits
 *   FROM `project.dataset.gcp_billing_export_v1_XXXXXX_XXXXXX_XXXXXX`
 *   WHERE DATE(_PARTITIONTIME) BETWEEN @partitionStart AND @partitionEnd
 *     AND invoice.month IN UNNEST(@months)
 *   GROUP BY invoice_month, project_id, service_description
 *   [ORDER BY <aliases> [ASC|DESC], …]
 *
 * The invoice months present in a partition range:
 *
 *   SELECT DISTINCT invoice.month AS invoice_month
 *   FROM `project.dataset.table`
 *   WHERE DATE(_PARTITIONTIME) BETWEEN @partitionStart AND @partitionEnd
 *   [ORDER BY invoice_month [ASC|DESC]]
 *
 * `@partitionStart` and `@partitionEnd` are DATE parameters, `@months` an ARRAY<STRING> of
 * `YYYYMM`; the parameter names are free too.
 */
export const SPEND_TEMPLATE = `SELECT $invoice.month [AS] {alias:month} ,
  $project.id [AS] {alias:project} ,
  $service.description [AS] {alias:service} ,
  SUM ( $cost ) [AS] {aggregate:cost} ,
  SUM ( IFNULL ( ( SELECT SUM ( {element}.$amount ) FROM UNNEST ( $credits ) [AS] {element} ) , 0 ) ) [AS] {aggregate:credits}
  FROM {table}
  WHERE DATE ( _PARTITIONTIME ) BETWEEN {param:partitionStart} AND {param:partitionEnd}
  AND $invoice.month IN UNNEST ( {param:months} )`;

export const COVERAGE_TEMPLATE = `SELECT DISTINCT $invoice.month [AS] {alias:month}
  FROM {table}
  WHERE DATE ( _PARTITIONTIME ) BETWEEN {param:partitionStart} AND {param:partitionEnd}`;

export type Position = { line: number; column: number };

export type StatementKind = 'spend' | 'coverage';

/** A parameter as the statement names it, and where (for errors about its type). */
export type ParameterUse = { name: string; at: Position };

export type ParsedStatement = {
  kind: StatementKind;
  /** `project.dataset.table` */
  tableId: string;
  /** Output column names, by role (`month`, `project`, `service`, `cost`, `credits`). */
  aliases: Record<string, string>;
  parameters: Record<
    'partitionStart' | 'partitionEnd' | 'months',
    ParameterUse | undefined
  >;
  /** Where `DATE(_PARTITIONTIME)` stands, for errors about the BETWEEN operands. */
  partitionFilterAt: Position;
  /** Leaf columns the statement reads (`invoice.month`, `credits.amount`, …), for bytes. */
  columns: string[];
  orderBy: Array<{ role: string; descending: boolean }>;
};

type TokenKind =
  | 'word'
  | 'quoted'
  | 'param'
  | 'punct'
  | 'number'
  | 'string'
  | 'end';
type Token = { kind: TokenKind; text: string; at: Position };

const TOKEN =
  /\s+|--[^\n]*|(`[^`]*`)|(@[A-Za-z_]\w*)|([A-Za-z_]\w*)|(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([(),.;*=<>+-])/y;

/** BigQuery's reserved words among those a statement of this size could misplace. */
const RESERVED = new Set(
  'SELECT FROM WHERE AND OR NOT AS GROUP BY ORDER HAVING LIMIT DISTINCT IN UNNEST BETWEEN ASC DESC JOIN ON UNION ALL CASE WHEN THEN ELSE END NULL'.split(
    ' ',
  ),
);

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < sql.length) {
    const start = TOKEN.lastIndex;
    const at = { line, column: start - lineStart + 1 };
    const match = TOKEN.exec(sql);
    if (!match) {
      throw invalidQuery(
        `Syntax error: Illegal input character "${sql[start]}" at [${at.line}:${at.column}]`,
      );
    }
    const [text, quoted, param, word, number, string, punct] = match;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      line += 1;
      lineStart = start + i + 1;
    }
    if (quoted) tokens.push({ kind: 'quoted', text: quoted.slice(1, -1), at });
    else if (param) tokens.push({ kind: 'param', text: param.slice(1), at });
    else if (word) tokens.push({ kind: 'word', text: word, at });
    else if (number) tokens.push({ kind: 'number', text: number, at });
    else if (string) tokens.push({ kind: 'string', text: string, at });
    else if (punct) tokens.push({ kind: 'punct', text: punct, at });
  }
  tokens.push({
    kind: 'end',
    text: '',
    at: { line, column: sql.length - lineStart + 1 },
  });
  return tokens;
}

/** One element of a template: see SPEND_TEMPLATE for the notation. */
type Expectation =
  | { kind: 'word'; text: string; optional: boolean }
  | { kind: 'punct'; text: string }
  | { kind: 'column'; path: string[] }
  | { kind: 'alias' | 'aggregate' | 'param'; role: string }
  | { kind: 'element' }
  | { kind: 'table' };

function compileTemplate(template: string): Expectation[] {
  return template
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((part): Expectation[] => {
      const slot = /^\{(\w+)(?::(\w+))?\}(?:\.\$(\w+))?$/.exec(part);
      if (slot) {
        const [, kind, role, field] = slot;
        const head = (
          kind === 'table' || kind === 'element' ? { kind } : { kind, role }
        ) as Expectation;
        return field
          ? [
              head,
              { kind: 'punct', text: '.' },
              { kind: 'column', path: [field] },
            ]
          : [head];
      }
      if (part.startsWith('$'))
        return [{ kind: 'column', path: part.slice(1).split('.') }];
      if (part.startsWith('['))
        return [{ kind: 'word', text: part.slice(1, -1), optional: true }];
      if (/^\w+$/.test(part))
        return [{ kind: 'word', text: part, optional: false }];
      return [{ kind: 'punct', text: part }];
    });
}

const TEMPLATES: Array<{ kind: StatementKind; expectations: Expectation[] }> = [
  { kind: 'spend', expectations: compileTemplate(SPEND_TEMPLATE) },
  { kind: 'coverage', expectations: compileTemplate(COVERAGE_TEMPLATE) },
];

/** Where a template stopped matching, to report the mismatch that got furthest. */
class Mismatch {
  constructor(readonly index: number, readonly error: Error) {}
}

const position = (at: Position) => `[${at.line}:${at.column}]`;

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'end of input';
    case 'word':
      return RESERVED.has(token.text.toUpperCase())
        ? `keyword ${token.text.toUpperCase()}`
        : `identifier "${token.text}"`;
    case 'quoted':
      return `identifier \`${token.text}\``;
    case 'param':
      return `query parameter "@${token.text}"`;
    case 'number':
      return `integer literal "${token.text}"`;
    case 'string':
      return `string literal ${token.text}`;
    default:
      return `"${token.text}"`;
  }
}

function expected(expectation: Expectation): string {
  switch (expectation.kind) {
    case 'word':
      return RESERVED.has(expectation.text)
        ? `keyword ${expectation.text}`
        : expectation.text;
    case 'punct':
      return `"${expectation.text}"`;
    case 'column':
      return expectation.path.join('.');
    case 'param':
      return `a query parameter (@${expectation.role})`;
    case 'table':
      return 'a table as `project.dataset.table`';
    default:
      return 'an alias';
  }
}

function unsupported(what: string, token: Token): Error {
  return invalidQuery(
    `Unsupported by the BigQuery emulator: expected ${what} but got ${describe(
      token,
    )} at ${position(
      token.at,
    )}; it runs only the billing export's spend and coverage statements (see packages/emulators/README.md)`,
  );
}

/** A column path against the export's schema: what BigQuery says when a name is wrong. */
function columnError(path: Token[], fallback: Error): Error {
  let fields: ExportField[] | undefined = EXPORT_SCHEMA;
  for (let i = 0; i < path.length; i += 1) {
    const name = path[i].text.toLowerCase();
    const field: ExportField | undefined = fields?.find(f => f.name === name);
    if (!field) {
      if (i === 0) {
        return invalidQuery(
          `Unrecognized name: ${path[0].text} at ${position(path[0].at)}`,
        );
      }
      const parent = path[i - 1].text;
      return invalidQuery(
        `Field name ${path[i].text} does not exist in STRUCT<${(fields ?? [])
          .map(f => `${f.name} ${f.type === 'FLOAT' ? 'FLOAT64' : f.type}`)
          .join(', ')}> (in ${parent}) at ${position(path[i].at)}`,
      );
    }
    fields = field.fields;
  }
  return fallback;
}

function matchTemplate(
  kind: StatementKind,
  expectations: Expectation[],
  tokens: Token[],
): { statement: ParsedStatement; next: number } {
  let i = 0;
  const aliases: Record<string, string> = {};
  const aliasAt: Record<string, Position> = {};
  const parameters: ParsedStatement['parameters'] = {
    partitionStart: undefined,
    partitionEnd: undefined,
    months: undefined,
  };
  const columns = new Set<string>();
  let element: string | undefined;
  let tableId = '';
  let partitionFilterAt: Position = tokens[0].at;
  const fail = (error: Error) => {
    throw new Mismatch(i, error);
  };

  for (let e = 0; e < expectations.length; e += 1) {
    const want = expectations[e];
    const token = tokens[i];
    switch (want.kind) {
      case 'word':
        if (
          (token.kind === 'word' || token.kind === 'number') &&
          token.text.toUpperCase() === want.text
        ) {
          if (want.text === 'DATE') partitionFilterAt = token.at;
          i += 1;
        } else if (!want.optional) {
          fail(unsupported(expected(want), token));
        }
        break;
      case 'punct':
        if (token.kind !== 'punct' || token.text !== want.text) {
          fail(unsupported(expected(want), token));
        }
        i += 1;
        break;
      case 'column': {
        const path: Token[] = [];
        while (tokens[i].kind === 'word') {
          path.push(tokens[i]);
          i += 1;
          const dot = tokens[i];
          if (
            dot.kind !== 'punct' ||
            dot.text !== '.' ||
            tokens[i + 1].kind !== 'word'
          )
            break;
          i += 1;
        }
        const written = path.map(t => t.text.toLowerCase()).join('.');
        // `credit.amount` reads the `amount` of each element of `credits`.
        const inCredits = expectations[e - 2]?.kind === 'element';
        if (written !== want.path.join('.')) {
          const mismatch = unsupported(expected(want), path[0] ?? token);
          fail(inCredits ? mismatch : columnError(path, mismatch));
        }
        columns.add((inCredits ? 'credits.' : '') + want.path.join('.'));
        break;
      }
      case 'alias':
      case 'aggregate':
        if (token.kind !== 'word' || RESERVED.has(token.text.toUpperCase())) {
          fail(unsupported(`${expected(want)} for ${want.role}`, token));
        }
        aliases[want.role] = token.text;
        aliasAt[want.role] = token.at;
        i += 1;
        break;
      case 'element':
        if (token.kind !== 'word' || RESERVED.has(token.text.toUpperCase())) {
          fail(unsupported('the name of a credit', token));
        } else if (element === undefined) {
          element = token.text.toLowerCase();
        } else if (token.text.toLowerCase() !== element) {
          fail(
            invalidQuery(
              `Unrecognized name: ${token.text} at ${position(token.at)}`,
            ),
          );
        }
        i += 1;
        break;
      case 'param':
        if (token.kind !== 'param') fail(unsupported(expected(want), token));
        parameters[want.role as keyof ParsedStatement['parameters']] = {
          name: token.text,
          at: token.at,
        };
        i += 1;
        break;
      case 'table':
        if (token.kind !== 'quoted' || token.text.split('.').length !== 3) {
          fail(unsupported(expected(want), token));
        }
        tableId = token.text;
        i += 1;
        break;
      default:
    }
  }
  const statement: ParsedStatement = {
    kind,
    tableId,
    aliases,
    parameters,
    partitionFilterAt,
    columns: [...columns],
    orderBy: [],
  };
  return { statement, next: parseTail(statement, tokens, i, aliasAt) };
}

/** GROUP BY (spend only, exactly the three grouped aliases), ORDER BY, `;`, end of input. */
function parseTail(
  statement: ParsedStatement,
  tokens: Token[],
  start: number,
  aliasAt: Record<string, Position>,
): number {
  let i = start;
  const isWord = (text: string) =>
    tokens[i].kind === 'word' && tokens[i].text.toUpperCase() === text;
  const roleOf = (token: Token) => {
    const role = Object.keys(statement.aliases).find(
      r => statement.aliases[r].toLowerCase() === token.text.toLowerCase(),
    );
    if (token.kind !== 'word' || !role) {
      throw new Mismatch(
        i,
        token.kind === 'word'
          ? columnError(
              [token],
              unsupported('an alias of the select list', token),
            )
          : unsupported('an alias of the select list', token),
      );
    }
    return role;
  };
  const list = (each: (token: Token) => void) => {
    for (;;) {
      each(tokens[i]);
      i += 1;
      if (tokens[i].kind !== 'punct' || tokens[i].text !== ',') return;
      i += 1;
    }
  };
  const keywords = (...words: string[]) => {
    for (const word of words) {
      if (!isWord(word))
        throw new Mismatch(i, unsupported(`keyword ${word}`, tokens[i]));
      i += 1;
    }
  };

  if (statement.kind === 'spend') {
    keywords('GROUP', 'BY');
    const grouped = new Set<string>();
    list(token => {
      const role = roleOf(token);
      if (role === 'cost' || role === 'credits') {
        throw new Mismatch(
          i,
          invalidQuery(
            `Column ${
              token.text
            } contains an aggregation function, which is not allowed in GROUP BY at ${position(
              token.at,
            )}`,
          ),
        );
      }
      grouped.add(role);
    });
    for (const role of ['month', 'project', 'service']) {
      if (!grouped.has(role)) {
        throw new Mismatch(
          i,
          invalidQuery(
            `SELECT list expression references column ${
              statement.aliases[role]
            } which is neither grouped nor aggregated at ${position(
              aliasAt[role],
            )}`,
          ),
        );
      }
    }
  }
  if (isWord('ORDER')) {
    keywords('ORDER', 'BY');
    list(token => {
      const role = roleOf(token);
      const direction = tokens[i + 1];
      const descending =
        direction.kind === 'word' && direction.text.toUpperCase() === 'DESC';
      if (
        direction.kind === 'word' &&
        ['ASC', 'DESC'].includes(direction.text.toUpperCase())
      ) {
        i += 1;
      }
      statement.orderBy.push({ role, descending });
    });
  }
  if (tokens[i].kind === 'punct' && tokens[i].text === ';') i += 1;
  if (tokens[i].kind !== 'end') {
    throw new Mismatch(
      i,
      invalidQuery(
        `Syntax error: Expected end of input but got ${describe(
          tokens[i],
        )} at ${position(tokens[i].at)}`,
      ),
    );
  }
  return i;
}

/**
 * Parses `sql` as one of the two billing statements, or throws BigQuery's invalidQuery for
 * the first place where neither fits (the one that fitted furthest decides the message), or
 * notFound when the table is not one of `tables`.
 */
export function parseStatement(
  sql: string,
  tableExists: (tableId: string) => boolean,
  location: string,
): ParsedStatement {
  const tokens = tokenize(sql);
  let furthest: Mismatch | undefined;
  for (const { kind, expectations } of TEMPLATES) {
    try {
      const { statement } = matchTemplate(kind, expectations, tokens);
      if (!tableExists(statement.tableId)) {
        const [project, dataset, table] = statement.tableId.split('.');
        throw notFound(
          `Table ${project}:${dataset}.${table} was not found in location ${location}`,
        );
      }
      return statement;
    } catch (error) {
      if (!(error instanceof Mismatch)) throw error;
      if (!furthest || error.index > furthest.index) furthest = error;
    }
  }
  throw furthest!.error;
}
