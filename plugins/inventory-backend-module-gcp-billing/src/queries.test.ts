import {
  coverageStatement,
  exportMonth,
  invoiceMonth,
  spendStatement,
} from './queries';

const TABLE = 'k8s-infra-billing.billing.gcp_billing_export_v1_0000AA';

describe('the spend and coverage statements', () => {
  it('bound the spend query from the first month’s first day to the 10th after the last', () => {
    const statement = spendStatement(TABLE, ['2024-05', '2024-03', '2024-04']);
    expect(statement.params).toEqual({
      partitionStart: '2024-03-01',
      partitionEnd: '2024-06-10',
      months: ['202403', '202404', '202405'],
    });
    expect(statement.query).toContain(
      'WHERE DATE(_PARTITIONTIME) BETWEEN @partitionStart AND @partitionEnd',
    );
    expect(statement.query).toContain(`FROM \`${TABLE}\``);
    expect(statement.types).toEqual({
      partitionStart: 'DATE',
      partitionEnd: 'DATE',
      months: ['STRING'],
    });
  });

  it('crosses a year at the partition bound', () => {
    expect(spendStatement(TABLE, ['2024-12']).params).toMatchObject({
      partitionStart: '2024-12-01',
      partitionEnd: '2025-01-10',
    });
  });

  it('bounds the coverage query too', () => {
    const statement = coverageStatement(TABLE, '2023-01', '2026-12-07');
    expect(statement.params).toEqual({
      partitionStart: '2023-01-01',
      partitionEnd: '2026-12-07',
    });
    expect(statement.query).toMatch(/^SELECT DISTINCT invoice\.month/);
  });

  it('refuses a table name that is not project.dataset.table, naming it', () => {
    expect(() => spendStatement('billing.export', ['2024-05'])).toThrow(
      "inventory.billing.gcp.exportTable must be project.dataset.table, not 'billing.export'",
    );
    expect(() => spendStatement('p.d.t` WHERE 1=1; --', ['2024-05'])).toThrow(
      /must be project.dataset.table/,
    );
  });

  it('spells months as the export does', () => {
    expect(exportMonth('2024-05')).toBe('202405');
    expect(invoiceMonth('202405')).toBe('2024-05');
  });
});
