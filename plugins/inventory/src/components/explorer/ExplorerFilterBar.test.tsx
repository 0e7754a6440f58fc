import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { ExplorerFilterBar } from './ExplorerFilterBar';
import { readFilters } from './explorerUrlState';

const options = {
  type: [
    ['gcp-project', 327],
    ['gcs-bucket', 1204],
  ] as Array<[string, number]>,
  owner: [['group:default/sig-k8s-infra', 40]] as Array<[string, number]>,
  label: [],
  setting: [['retention=locked', 3]] as Array<[string, number]>,
};

const renderBar = (query: string) => {
  const onChange = jest.fn();
  const onClear = jest.fn();
  renderInTestApp(
    <ExplorerFilterBar
      filters={readFilters(new URLSearchParams(query))}
      options={options}
      onChange={onChange}
      onClear={onClear}
    />,
  );
  return { onChange, onClear };
};

describe('ExplorerFilterBar', () => {
  it('offers each value with its count, types in words, owners by name, and reports each change', () => {
    const { onChange } = renderBar('');
    expect(
      screen.getByRole('option', { name: 'bucket (1,204)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('option', { name: 'sig-k8s-infra (40)' }),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Type'), {
      target: { value: 'gcs-bucket' },
    });
    expect(onChange).toHaveBeenCalledWith('type', 'gcs-bucket');
    fireEvent.change(screen.getByLabelText('Search by name or label'), {
      target: { value: 'release' },
    });
    expect(onChange).toHaveBeenCalledWith('q', 'release');
    fireEvent.click(screen.getByLabelText('Public only'));
    expect(onChange).toHaveBeenCalledWith('public', '1');
    // Nothing is filtered yet, so there is nothing to clear.
    expect(
      screen.queryByRole('button', { name: 'Clear filters' }),
    ).not.toBeInTheDocument();
  });

  it('shows the filters from the URL and clears them', () => {
    const { onChange, onClear } = renderBar(
      'type=gcs-bucket&setting=retention%3Dlocked&stale=1',
    );
    expect(screen.getByLabelText('Type')).toHaveValue('gcs-bucket');
    expect(screen.getByLabelText('Configuration')).toHaveValue(
      'retention=locked',
    );
    expect(screen.getByLabelText('Stale only')).toBeChecked();
    fireEvent.click(screen.getByLabelText('Stale only'));
    expect(onChange).toHaveBeenCalledWith('stale', '');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onClear).toHaveBeenCalled();
  });
});
