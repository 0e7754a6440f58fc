import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { shortRef } from '../Evidence';
import { ExplorerFilters, isFiltered } from './explorerTree';
import { FilterOptions } from './filterOptions';
import { FilterSelect } from './FilterSelect';

/*
 * The controls share the row and wrap: on a 768 px screen the search takes a line and the
 * drop-downs two a line, none wider than the window.
 */
const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'center',
  },
  search: { flex: '2 1 16rem', minWidth: 0 },
  select: { flex: '1 1 11rem', minWidth: 0, maxWidth: '22rem' },
}));

/** The explorer's search, drop-downs and switches; each change goes to the URL. */
export function ExplorerFilterBar(props: {
  filters: ExplorerFilters;
  options: {
    types: FilterOptions;
    owners: FilterOptions;
    labels: FilterOptions;
    settings: FilterOptions;
  };
  onChange: (name: keyof ExplorerFilters, value: string) => void;
  onClear: () => void;
}) {
  const { filters, options, onChange, onClear } = props;
  const classes = useStyles();
  const flag = (name: 'public' | 'stale', label: string) => (
    <FormControlLabel
      control={
        <Checkbox
          checked={filters[name]}
          onChange={e => onChange(name, e.target.checked ? '1' : '')}
        />
      }
      label={label}
    />
  );
  return (
    <div role="search" className={classes.bar}>
      <TextField
        id="explorer-search"
        label="Search title, ref or label"
        value={filters.q}
        onChange={event => onChange('q', event.target.value)}
        variant="outlined"
        size="small"
        className={classes.search}
      />
      <FilterSelect
        id="explorer-type"
        label="Type"
        value={filters.type}
        options={options.types}
        onChange={v => onChange('type', v)}
        className={classes.select}
      />
      <FilterSelect
        id="explorer-owner"
        label="Owner"
        value={filters.owner}
        options={options.owners}
        show={shortRef}
        onChange={v => onChange('owner', v)}
        className={classes.select}
      />
      <FilterSelect
        id="explorer-label"
        label="Label"
        value={filters.label}
        options={options.labels}
        onChange={v => onChange('label', v)}
        className={classes.select}
      />
      <FilterSelect
        id="explorer-setting"
        label="Configuration"
        value={filters.setting}
        options={options.settings}
        onChange={v => onChange('setting', v)}
        className={classes.select}
      />
      {flag('public', 'Public only')}
      {flag('stale', 'Stale only')}
      {isFiltered(filters) && <Button onClick={onClear}>Clear filters</Button>}
    </div>
  );
}
