import { useSidebarPinState } from '@backstage/core-components';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { Theme } from '@material-ui/core/styles';
import { useEffect } from 'react';

/** Remembers, across reloads, that the sidebar was unpinned for the screen and not by hand. */
const UNPINNED_FOR_NARROW_SCREEN = 'infra-atlas/sidebarUnpinnedForNarrowScreen';

/**
 * Collapses a pinned sidebar to its icons below 960 px (a tablet held upright), where its
 * 224 px would leave a list too little room, and pins it again once the window is wide,
 * unless the reader unpinned it themselves. Renders nothing.
 */
export function CollapseOnNarrowScreens() {
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), {
    noSsr: true,
  });
  const { isPinned, toggleSidebarPinState } = useSidebarPinState();
  useEffect(() => {
    const unpinnedHere =
      window.localStorage.getItem(UNPINNED_FOR_NARROW_SCREEN) === 'true';
    if (narrow && isPinned) {
      window.localStorage.setItem(UNPINNED_FOR_NARROW_SCREEN, 'true');
      toggleSidebarPinState();
    } else if (!narrow && !isPinned && unpinnedHere) {
      window.localStorage.removeItem(UNPINNED_FOR_NARROW_SCREEN);
      toggleSidebarPinState();
    }
  }, [narrow, isPinned, toggleSidebarPinState]);
  return null;
}
