import { Badge, MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';
import { useState } from 'react';

/** A filter's checkbox menu: the category on the toggle, with how many are chosen. */
export function FilterSelect<V extends string>({ label, options, chosen, onChange, id }: {
  label: string;
  options: readonly { value: V; label: string; translate?: boolean }[];
  chosen: readonly V[];
  onChange: (chosen: V[]) => void;
  id: string;
}): React.JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <Select role="menu" id={id} isOpen={open} selected={chosen} onOpenChange={setOpen}
      onSelect={(_e, v) => {
        const value = v as V;
        onChange(chosen.includes(value) ? chosen.filter((c) => c !== value) : [...chosen, value]);
      }}
      toggle={(ref) => (
        <MenuToggle ref={ref} onClick={() => setOpen(!open)} isExpanded={open} data-filter={id}
          {...(chosen.length > 0 ? { badge: <Badge isRead>{chosen.length}</Badge> } : {})}>{label}</MenuToggle>
      )}>
      <SelectList aria-label={label}>
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value} hasCheckbox isSelected={chosen.includes(o.value)}
            {...(o.translate === false ? { translate: 'no' } : {})}>{o.label}</SelectOption>
        ))}
      </SelectList>
    </Select>
  );
}
