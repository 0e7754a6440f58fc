import { protos } from '@google-cloud/asset';

type Struct = protos.google.protobuf.IStruct;
type Value = protos.google.protobuf.IValue;

/** A JSON object, as a `google.protobuf.Struct` carries it. */
export type JsonObject = Record<string, unknown>;

/** `google.protobuf.Struct` (as the gRPC client decodes it) → plain JSON. */
export function structToJson(struct: Struct | null | undefined): JsonObject {
  return Object.fromEntries(
    Object.entries(struct?.fields ?? {}).map(([key, value]) => [
      key,
      valueToJson(value),
    ]),
  );
}

function valueToJson(value: Value): unknown {
  // The decoded message names its set field in `kind` (a oneof); without it, look for one.
  const kind =
    (value as { kind?: string }).kind ??
    (
      [
        'structValue',
        'listValue',
        'stringValue',
        'numberValue',
        'boolValue',
      ] as const
    ).find(k => value[k] !== undefined && value[k] !== null);
  switch (kind) {
    case 'structValue':
      return structToJson(value.structValue);
    case 'listValue':
      return (value.listValue?.values ?? []).map(valueToJson);
    case 'stringValue':
      return value.stringValue ?? '';
    case 'numberValue':
      return value.numberValue ?? 0;
    case 'boolValue':
      return value.boolValue ?? false;
    default:
      return null;
  }
}
