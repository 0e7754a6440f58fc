import { SidebarPinStateProvider } from '@backstage/core-components';
import { ThemeProvider, createTheme } from '@material-ui/core/styles';
import { render } from '@testing-library/react';
import { useState } from 'react';
import { CollapseOnNarrowScreens } from './CollapseOnNarrowScreens';

/** A window of the given width, as Material UI's media queries see it. */
function windowOfWidth(width: number) {
  window.matchMedia = (query: string) => {
    // useMediaQuery(down('sm')) asks for `(max-width:959.95px)`.
    const max = Number(/max-width:\s*([\d.]+)px/.exec(query)?.[1] ?? Infinity);
    return {
      matches: width <= max,
      media: query,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      onchange: null,
      dispatchEvent: () => false,
    } as MediaQueryList;
  };
}

/** The sidebar's pin state, as the app's page keeps it, shown for the test to read. */
function PinnedState(props: { initiallyPinned: boolean }) {
  const [isPinned, setPinned] = useState(props.initiallyPinned);
  return (
    <ThemeProvider theme={createTheme()}>
      <SidebarPinStateProvider
        value={{ isPinned, toggleSidebarPinState: () => setPinned(p => !p) }}
      >
        <CollapseOnNarrowScreens />
        <span data-testid="pinned">{String(isPinned)}</span>
      </SidebarPinStateProvider>
    </ThemeProvider>
  );
}

const pinned = (view: ReturnType<typeof render>) =>
  view.getByTestId('pinned').textContent;

describe('CollapseOnNarrowScreens', () => {
  beforeEach(() => window.localStorage.clear());

  it('collapses a pinned sidebar at 768 px and pins it again on a wide screen', () => {
    windowOfWidth(768);
    const narrow = render(<PinnedState initiallyPinned />);
    expect(pinned(narrow)).toBe('false');
    narrow.unmount();

    windowOfWidth(1280);
    const wide = render(<PinnedState initiallyPinned={false} />);
    expect(pinned(wide)).toBe('true');
  });

  it('leaves a sidebar the reader unpinned on a wide screen alone', () => {
    windowOfWidth(1280);
    const wide = render(<PinnedState initiallyPinned={false} />);
    expect(pinned(wide)).toBe('false');
  });
});
