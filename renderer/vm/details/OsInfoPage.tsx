import {
  Button, Checkbox, FormGroup, Label, Menu, MenuContent, MenuItem, MenuList, SearchInput, Spinner,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readOsId, setOsId } from '../../../drivers/xml/index.js';
import type { OsDetails, OsSummary } from '../../../main/api/contract/index.js';
import { useApi } from '../../state/hooks.js';
import { DeviceForm } from '../devices/parts/DevicePageForm.js';
import { InfoField } from '../devices/parts/FormParts.js';
import { editField, type SectionPageProps } from './section-page.js';

const SHOWN = 30;

/** OS information: the OS the VM was made for (osinfo-db's id in its metadata), and a search to change it. */
export function OsInfoPage(props: SectionPageProps): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const { draft } = props;
  const id = readOsId(draft);
  const [os, setOs] = useState<{ details?: OsDetails; unknown?: boolean }>({});
  const [query, setQuery] = useState('');
  const [includeEol, setIncludeEol] = useState(false);
  const [found, setFound] = useState<readonly OsSummary[] | undefined>(undefined);

  useEffect(() => {
    if (id === undefined) {
      setOs({});
      return;
    }
    let live = true;
    api.call('osinfo.get', { id }).then((details) => live && setOs({ details }), () => live && setOs({ unknown: true }));
    return () => {
      live = false;
    };
  }, [api, id]);

  useEffect(() => {
    if (query.trim() === '') {
      setFound(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.call('osinfo.list', { query, includeEol, limit: SHOWN }).then((r) => live && setFound(r.items), () => live && setFound([]));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, includeEol]);

  const details = os.details;
  return (
    <DeviceForm id="vm-osinfo">
      <InfoField id="vm-os-name" label={t('vmdetails.osinfo.os')} value={id === undefined
        ? t('vmdetails.osinfo.none')
        : (
          <span>
            <span translate="no">{details?.name ?? (os.unknown ? id : '')}</span>
            {details === undefined && !os.unknown && <Spinner size="sm" aria-label={t('common.loading')} />}
            {details?.eol && <Label isCompact color="orange" className="vm-os-eol">{t('vmdetails.osinfo.eol')}</Label>}
            {os.unknown && <span className="vm-muted"> {t('vmdetails.osinfo.unknown')}</span>}
          </span>
        )} />
      {id !== undefined && <InfoField id="vm-os-id" label={t('vmdetails.osinfo.id')} value={<span translate="no">{id}</span>} />}
      {details?.vendor !== undefined && <InfoField id="vm-os-vendor" label={t('vmdetails.osinfo.vendor')} value={<span translate="no">{details.vendor}</span>} />}
      {details?.releaseDate !== undefined && <InfoField id="vm-os-released" label={t('vmdetails.osinfo.released')} value={details.releaseDate} />}
      <FormGroup label={t('vmdetails.osinfo.change')} fieldId="vm-os-search">
        <SearchInput id="vm-os-search" value={query} placeholder={t('vmdetails.osinfo.searchPlaceholder')} aria-label={t('vmdetails.osinfo.search')}
          onChange={(_e, v) => setQuery(v)} onClear={() => setQuery('')} />
        <Checkbox id="vm-os-eol" className="vm-os-eol-check" label={t('vmdetails.osinfo.includeEol')} isChecked={includeEol} onChange={(_e, on) => setIncludeEol(on)} />
        {found !== undefined && (
          <Menu isPlain isScrollable className="vm-os-results" aria-label={t('vmdetails.osinfo.results')}
            onSelect={(_e, v) => {
              editField(props, 'osinfo', () => setOsId(draft, String(v)));
              setQuery('');
            }}>
            <MenuContent maxMenuHeight="16rem">
              <MenuList>
                {found.length === 0 && <MenuItem isDisabled itemId="">{t('vmdetails.osinfo.noMatch')}</MenuItem>}
                {found.map((o) => (
                  <MenuItem key={o.id} itemId={o.id} description={<span translate="no">{o.id}</span>} isSelected={o.id === id}>
                    <span translate="no">{o.name}</span>
                  </MenuItem>
                ))}
              </MenuList>
            </MenuContent>
          </Menu>
        )}
      </FormGroup>
      {id !== undefined && (
        <FormGroup fieldId="vm-os-clear">
          <Button id="vm-os-clear" variant="link" isInline onClick={() => editField(props, 'osinfo', () => setOsId(draft, undefined))}>
            {t('vmdetails.osinfo.clear')}
          </Button>
        </FormGroup>
      )}
    </DeviceForm>
  );
}
