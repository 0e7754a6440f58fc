import { GraphNode } from '@infra-atlas/inventory-common';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import SearchIcon from '@material-ui/icons/Search';
import { FormEvent, useState } from 'react';
import { nodeNoun } from './graphLabels';

/**
 * The entity of the graph a reader means by `text`: the one titled exactly that (ignoring
 * case), else the first whose title starts with it, else the first whose title contains it;
 * nearer the focus first within each.
 */
export function findInGraph(
  nodes: GraphNode[],
  text: string,
): GraphNode | undefined {
  const wanted = text.trim().toLocaleLowerCase('en-US');
  if (!wanted) return undefined;
  const byDistance = [...nodes].sort((a, b) => a.distance - b.distance);
  const title = (node: GraphNode) => node.title.toLocaleLowerCase('en-US');
  return (
    byDistance.find(node => title(node) === wanted) ??
    byDistance.find(node => title(node).startsWith(wanted)) ??
    byDistance.find(node => title(node).includes(wanted))
  );
}

/**
 * Search within the graph: type a title, and the entity is selected and brought to the middle
 * of the picture (`onFound`, which also opens the cluster holding it). Suggestions are the
 * titles in this graph; the result is said in words below the field.
 */
export function GraphFind(props: {
  nodes: GraphNode[];
  onFound: (node: GraphNode) => void;
}) {
  const { nodes, onFound } = props;
  const [text, setText] = useState('');
  const [result, setResult] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = findInGraph(nodes, text);
    if (found) {
      onFound(found);
      setResult(`Showing ${found.title} (${nodeNoun(found)}).`);
    } else {
      setResult(`Nothing in this graph is called “${text.trim()}”.`);
    }
  };
  const titles = [...new Set(nodes.map(node => node.title))].sort();
  return (
    <form role="search" aria-label="Search within the graph" onSubmit={submit}>
      <TextField
        id="inventory-graph-find"
        label="Find in this graph"
        size="small"
        variant="outlined"
        value={text}
        onChange={event => setText(event.target.value)}
        inputProps={{ list: 'inventory-graph-titles' }}
        InputProps={{
          endAdornment: (
            <InputAdornment position="end">
              <IconButton type="submit" size="small" aria-label="Find">
                <SearchIcon fontSize="small" />
              </IconButton>
            </InputAdornment>
          ),
        }}
      />
      <datalist id="inventory-graph-titles">
        {titles.map(title => (
          <option key={title} value={title} />
        ))}
      </datalist>
      <Typography variant="caption" component="p" aria-live="polite">
        {result}
      </Typography>
    </form>
  );
}
