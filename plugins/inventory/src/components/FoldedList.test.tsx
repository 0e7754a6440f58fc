import { fireEvent, render, screen } from '@testing-library/react';
import { FoldedList } from './FoldedList';

describe('FoldedList', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const list = (shown: number) => (
    <FoldedList label="Can read" items={items} shown={shown}>
      {item => <li key={item}>{item}</li>}
    </FoldedList>
  );

  it('shows the first items and the rest on request', () => {
    render(list(5));
    const rows = () =>
      screen.getByRole('list', { name: 'Can read' }).querySelectorAll('li');
    expect(rows()).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 7' }));
    expect(rows()).toHaveLength(7);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers nothing to unfold when everything fits', () => {
    render(list(10));
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
