import { MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';
import ColumnsIcon from '@patternfly/react-icons/dist/esm/icons/columns-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPTIONAL_COLUMNS, type OptionalColumn } from './vm-list-model.js';

/** Which of the list's optional columns show; name, state and host always do. */
export function ColumnsDropdown({ shown, onChange }: {
  shown: readonly OptionalColumn[];
  onChange: (shown: OptionalColumn[]) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Select role="menu" isOpen={open} onOpenChange={setOpen} selected={shown} popperProps={{ position: 'right' }}
      onSelect={(_e, v) => {
        const c = v as OptionalColumn;
        const next = new Set(shown);
        if (next.has(c)) next.delete(c);
        else next.add(c);
        onChange(OPTIONAL_COLUMNS.filter((o) => next.has(o)));
      }}
      toggle={(ref) => (
        <MenuToggle ref={ref} variant="plain" icon={<ColumnsIcon />} onClick={() => setOpen(!open)} isExpanded={open}
          aria-label={t('vmlist.columns')} />
      )}>
      <SelectList aria-label={t('vmlist.columns')}>
        {OPTIONAL_COLUMNS.map((c) => (
          <SelectOption key={c} value={c} hasCheckbox isSelected={shown.includes(c)}>{t(`vmlist.column.${c}`)}</SelectOption>
        ))}
      </SelectList>
    </Select>
  );
}
