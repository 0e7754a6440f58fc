import { plural } from './format';

describe('plural', () => {
  it('writes a count with its noun, thousands separated', () => {
    expect(plural(1, 'entity', 'entities')).toBe('1 entity');
    expect(plural(0, 'entity', 'entities')).toBe('0 entities');
    // The ownership answer's role headings: "Owns — 3,367 entities", as its summary writes it.
    expect(plural(3367, 'entity', 'entities')).toBe('3,367 entities');
  });
});
