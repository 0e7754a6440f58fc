import { KIND_COLOURS } from './GraphCanvas';

/** The colour of each kind, and what the picture's keys do. */
export function GraphLegend(props: { keysId: string }) {
  return (
    <div style={{ marginTop: 4, fontSize: 12 }}>
      <div aria-hidden style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        {Object.entries(KIND_COLOURS).map(([kind, colour]) => (
          <span key={kind}>
            <span
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: 5,
                background: colour,
                marginRight: 4,
              }}
            />
            {kind}
          </span>
        ))}
      </div>
      <p id={props.keysId} style={{ margin: '4px 0' }}>
        Keyboard: Tab to the picture, arrow keys move between entities, Enter
        opens the selected one; + and − zoom, F fits the whole graph, 0 resets
        the view. Hover over an entity for its full name.
      </p>
    </div>
  );
}
