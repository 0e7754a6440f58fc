import TextField from '@material-ui/core/TextField';
import { FilterOptions, count } from './filterOptions';

/** A filter's drop-down: "Any", then each value with how many nodes have it. */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  options: FilterOptions;
  show?: (value: string) => string;
  onChange: (value: string) => void;
  className?: string;
}) {
  const {
    id,
    label,
    value,
    options,
    show = v => v,
    onChange,
    className,
  } = props;
  return (
    <TextField
      id={id}
      select
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      variant="outlined"
      size="small"
      className={className}
    >
      <option value="">Any</option>
      {options.map(([option, n]) => (
        <option key={option} value={option}>
          {show(option)} ({count(n)})
        </option>
      ))}
    </TextField>
  );
}
