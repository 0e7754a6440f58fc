import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import CenterFocusStrongIcon from '@material-ui/icons/CenterFocusStrong';
import ZoomInIcon from '@material-ui/icons/ZoomIn';
import ZoomOutIcon from '@material-ui/icons/ZoomOut';
import ZoomOutMapIcon from '@material-ui/icons/ZoomOutMap';
import { ReactElement } from 'react';
import { ViewCommand } from './graphView';

const CONTROLS: Array<{
  command: ViewCommand;
  label: string;
  key: string;
  icon: ReactElement;
}> = [
  { command: 'zoom-in', label: 'Zoom in', key: '+', icon: <ZoomInIcon /> },
  { command: 'zoom-out', label: 'Zoom out', key: '−', icon: <ZoomOutIcon /> },
  {
    command: 'fit',
    label: 'Fit the whole graph',
    key: 'F',
    icon: <ZoomOutMapIcon />,
  },
  {
    command: 'reset',
    label: 'Reset the view',
    key: '0',
    icon: <CenterFocusStrongIcon />,
  },
];

/**
 * Zoom in, zoom out, fit and reset, as buttons over the picture's corner; each tooltip names
 * the key that does the same while the picture has the keyboard focus.
 */
export function GraphControls(props: {
  onCommand: (command: ViewCommand) => void;
}) {
  return (
    <div
      role="toolbar"
      aria-label="View"
      style={{
        position: 'absolute',
        top: 8,
        right: 8,
        zIndex: 1,
        display: 'flex',
        flexDirection: 'column',
        background: 'rgba(255, 255, 255, 0.9)',
        borderRadius: 4,
        boxShadow: '0 1px 3px rgba(0, 0, 0, 0.3)',
      }}
    >
      {CONTROLS.map(control => (
        <Tooltip
          key={control.command}
          title={`${control.label} (${control.key})`}
          placement="left"
        >
          <IconButton
            size="small"
            aria-label={control.label}
            aria-keyshortcuts={control.key === '−' ? '-' : control.key}
            onClick={() => props.onCommand(control.command)}
          >
            {control.icon}
          </IconButton>
        </Tooltip>
      ))}
    </div>
  );
}
