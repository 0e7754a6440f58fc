import {
  addMonths,
  firstDayOf,
  invoiceMonthOf,
  monthsFrom,
} from './invoiceMonths';

describe('invoice months', () => {
  it('adds and subtracts months across years', () => {
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-05', -24)).toBe('2022-05');
    expect(addMonths('2024-05', 0)).toBe('2024-05');
  });

  it('lists the months of a range, both ends included', () => {
    expect(monthsFrom('2024-11', '2025-02')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(monthsFrom('2025-02', '2025-02')).toEqual(['2025-02']);
    expect(monthsFrom('2025-03', '2025-02')).toEqual([]);
  });

  it('names the month of a moment in UTC, and its first day', () => {
    expect(invoiceMonthOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12');
    expect(invoiceMonthOf(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01');
    expect(firstDayOf('2024-06')).toBe('2024-06-01');
  });
});
