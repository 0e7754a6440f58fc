import { render, screen, within } from '@testing-library/react';
import { AnswersFirstLayout } from './AnswersFirstLayout';

const card = (title: string, type?: 'info' | 'content') => ({
  type,
  element: <section aria-label={title}>{title}</section>,
});

describe('AnswersFirstLayout', () => {
  it('keeps the answers in the given order, with the facts beside them', () => {
    render(
      <AnswersFirstLayout
        cards={[
          card('About', 'info'),
          card('Where it runs'),
          card('Who owns it', 'content'),
          card('Links', 'info'),
          card('If this goes down', 'content'),
        ]}
      />,
    );
    const answers = within(screen.getByTestId('entity-answers'))
      .getAllByRole('region')
      .map(region => region.textContent);
    expect(answers).toEqual([
      'Where it runs',
      'Who owns it',
      'If this goes down',
    ]);
    const facts = within(screen.getByTestId('entity-facts'))
      .getAllByRole('region')
      .map(region => region.textContent);
    expect(facts).toEqual(['About', 'Links']);
  });

  it('puts the answers before the facts in the document, for narrow screens', () => {
    render(
      <AnswersFirstLayout
        cards={[card('About', 'info'), card('Where it runs')]}
      />,
    );
    const [first, second] = screen
      .getAllByRole('region')
      .map(region => region.textContent);
    expect([first, second]).toEqual(['Where it runs', 'About']);
  });
});
