import { Checkbox, Menu, MenuContent, MenuItem, MenuList, SearchInput, Stack } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OsSummary } from '../../../main/api/contract/osinfo.js';
import { useApi } from '../../state/hooks.js';

const SHOWN = 60;

/** A searchable list of osinfo-db's systems, end-of-life ones only when asked. */
export function OsPicker({ value, onChange }: { value: string | undefined; onChange: (os: OsSummary) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [includeEol, setIncludeEol] = useState(false);
  const [items, setItems] = useState<readonly OsSummary[]>([]);
  useEffect(() => {
    let live = true;
    void api.call('osinfo.list', { query, includeEol, limit: SHOWN }).then((r) => { if (live) setItems(r.items); }).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, query, includeEol]);
  return (
    <Stack hasGutter>
      <SearchInput id="newvm-os-search" aria-label={t('wizards.newvm.osSearch')} placeholder={t('wizards.newvm.osSearch')} value={query}
        onChange={(_e, q) => setQuery(q)} onClear={() => setQuery('')} />
      <Checkbox id="newvm-os-eol" label={t('wizards.newvm.includeEol')} isChecked={includeEol} onChange={(_e, on) => setIncludeEol(on)} />
      <Menu className="newvm-os-list" isScrollable aria-label={t('wizards.newvm.osList')}
        onSelect={(_e, id) => { const os = items.find((o) => o.id === id); if (os) onChange(os); }} selected={value}>
        <MenuContent maxMenuHeight="14rem">
          <MenuList aria-label={t('wizards.newvm.osList')}>
            {items.length === 0 && <MenuItem isDisabled itemId="">{t('wizards.newvm.osNone')}</MenuItem>}
            {items.map((os) => (
              <MenuItem key={os.id} itemId={os.id} isSelected={os.id === value}
                description={[os.shortId, os.vendor, os.eol ? t('wizards.newvm.eol') : undefined].filter(Boolean).join(' · ')}>
                {os.name}
              </MenuItem>
            ))}
          </MenuList>
        </MenuContent>
      </Menu>
    </Stack>
  );
}
