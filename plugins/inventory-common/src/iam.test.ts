import { conditionStatus, describeCondition, timeBoundsOf } from './iam';

describe('timeBoundsOf', () => {
  it('reads the end and start of a conjunction of time comparisons', () => {
    expect(
      timeBoundsOf(
        'request.time > timestamp("2024-01-01T00:00:00Z") && request.time < timestamp(\'2024-06-01T00:00:00Z\') && resource.name.startsWith("projects/x")',
      ),
    ).toEqual({
      notBefore: '2024-01-01T00:00:00.000Z',
      expiresAt: '2024-06-01T00:00:00.000Z',
    });
    expect(
      timeBoundsOf('timestamp("2025-03-01T12:00:00Z") >= request.time'),
    ).toEqual({ expiresAt: '2025-03-01T12:00:00.000Z' });
  });

  it('reads nothing where the bound does not hold on its own', () => {
    expect(
      timeBoundsOf(
        'request.time < timestamp("2024-06-01T00:00:00Z") || request.auth.claims.x == "y"',
      ),
    ).toEqual({});
    expect(
      timeBoundsOf('!(request.time < timestamp("2024-06-01T00:00:00Z"))'),
    ).toEqual({});
    expect(
      timeBoundsOf('resource.type == "storage.googleapis.com/Bucket"'),
    ).toEqual({});
  });
});

describe('conditionStatus', () => {
  const now = new Date('2026-12-07T00:00:00Z');
  it('is expired after its end, not yet valid before its start, else conditional', () => {
    const expression = 'x';
    expect(
      conditionStatus({ expression, expiresAt: '2024-06-01T00:00:00Z' }, now),
    ).toBe('expired');
    expect(
      conditionStatus({ expression, notBefore: '2027-01-01T00:00:00Z' }, now),
    ).toBe('not-yet-valid');
    expect(conditionStatus({ expression }, now)).toBe('conditional');
    expect(
      describeCondition(
        {
          expression,
          title: 'temporary access',
          expiresAt: '2024-06-01T00:00:00Z',
        },
        now,
      ),
    ).toBe('expired 2024-06-01: temporary access');
    expect(describeCondition({ expression, title: 'break-glass' }, now)).toBe(
      'conditional: break-glass',
    );
  });
});
