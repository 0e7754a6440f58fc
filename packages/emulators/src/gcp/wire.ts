import type { protos } from '@google-cloud/asset';
import { IamPolicy, JsonValue } from './estate';

type Timestamp = protos.google.protobuf.ITimestamp;
type Struct = protos.google.protobuf.IStruct;
type Value = protos.google.protobuf.IValue;
type Policy = protos.google.iam.v1.IPolicy;

const RFC3339 =
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/i;

/**
 * An RFC 3339 string as `google.protobuf.Timestamp`, keeping sub-millisecond digits (Secret
 * Manager reports microseconds) that a round trip through `Date` would drop.
 */
export function toTimestamp(time: string | undefined): Timestamp | null {
  if (time === undefined) {
    return null;
  }
  const match = RFC3339.exec(time);
  const millis = match ? Date.parse(`${match[1]}${match[3]}`) : NaN;
  if (!match || Number.isNaN(millis)) {
    throw new Error(`Not an RFC 3339 timestamp: "${time}"`);
  }
  return {
    seconds: millis / 1000,
    nanos: Number((match[2] ?? '').padEnd(9, '0')),
  };
}

/** A JSON object as `google.protobuf.Struct`. */
export function toStruct(object: { [key: string]: JsonValue }): Struct {
  return {
    fields: Object.fromEntries(
      Object.entries(object).map(([key, value]) => [key, toValue(value)]),
    ),
  };
}

function toValue(value: JsonValue): Value {
  if (value === null) return { nullValue: 'NULL_VALUE' };
  if (Array.isArray(value)) {
    return { listValue: { values: value.map(toValue) } };
  }
  switch (typeof value) {
    case 'string':
      return { stringValue: value };
    case 'number':
      return { numberValue: value };
    case 'boolean':
      return { boolValue: value };
    default:
      return { structValue: toStruct(value) };
  }
}

/** The estate's policy as `google.iam.v1.Policy`; `{}` and `{ version: 1 }` have no bindings. */
export function toPolicy(policy: IamPolicy): Policy {
  return {
    version: policy.version ?? 0,
    bindings: policy.bindings ?? [],
    auditConfigs: policy.auditConfigs ?? [],
  };
}

export function hasBindings(policy: IamPolicy | undefined): boolean {
  return (policy?.bindings?.length ?? 0) > 0;
}
