import {
  Alert, CodeBlock, CodeBlockCode, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Spinner, Title,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../components/format.js';
import { Sparkline } from '../../components/Sparkline.js';
import { stateKey } from '../../manager/domain-state.js';
import { useApi, useStats } from '../../state/hooks.js';
import type { VmPageProps } from '../vm-page.js';

/** The VM's details: for now its overview and its XML, read-only (the hardware pages come next). */
export function DetailsPage({ connection, uuid, domain }: VmPageProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const samples = useStats({ connection, key: uuid });
  const [xml, setXml] = useState<{ text?: string; error?: string }>({});

  // The XML is fetched, not pushed: again whenever the summary changes (a start, a redefine).
  useEffect(() => {
    let live = true;
    api.call('domains.xml', { connection, key: uuid }).then(
      (r) => { if (live) setXml({ text: r.xml }); },
      (e: unknown) => { if (live) setXml({ error: e instanceof Error ? e.message : String(e) }); },
    );
    return () => {
      live = false;
    };
  }, [api, connection, uuid, domain]);

  const key = stateKey(domain.state);
  const dash = t('common.none');
  return (
    <>
      <Title headingLevel="h3" className="section-title">{t('vm.overview')}</Title>
      <DescriptionList isHorizontal isCompact columnModifier={{ lg: '2Col' }}>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('vm.name')}</DescriptionListTerm>
          <DescriptionListDescription translate="no">{domain.name}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('vm.title')}</DescriptionListTerm>
          <DescriptionListDescription translate="no">{domain.title ?? dash}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('vm.state')}</DescriptionListTerm>
          <DescriptionListDescription>{t(`state.${key}`)}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('vm.uuid')}</DescriptionListTerm>
          <DescriptionListDescription translate="no">{domain.uuid}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('vm.vcpus')}</DescriptionListTerm>
          <DescriptionListDescription>{domain.vcpus ?? dash}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('vm.memory')}</DescriptionListTerm>
          <DescriptionListDescription>{domain.memoryBytes !== undefined ? formatBytes(domain.memoryBytes, i18n.language) : dash}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('vm.persistent')}</DescriptionListTerm>
          <DescriptionListDescription>{domain.persistent ? t('common.yes') : t('common.no')}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('vm.cpu')}</DescriptionListTerm>
          <DescriptionListDescription>
            {domain.id >= 0
              ? <Sparkline values={samples.map((s) => s.cpuPercent)} width={200} height={32} label={t('manager.cpuGraph', { name: domain.name })} />
              : dash}
          </DescriptionListDescription>
        </DescriptionListGroup>
        {domain.description && (
          <DescriptionListGroup>
            <DescriptionListTerm>{t('vm.description')}</DescriptionListTerm>
            <DescriptionListDescription translate="no">{domain.description}</DescriptionListDescription>
          </DescriptionListGroup>
        )}
      </DescriptionList>
      <Title headingLevel="h3" className="section-title">{t('vm.xml')}</Title>
      {xml.error && <Alert variant="danger" isInline isPlain title={xml.error} />}
      {xml.text === undefined && !xml.error && <Spinner size="lg" aria-label={t('common.loading')} />}
      {xml.text !== undefined && (
        <CodeBlock className="xml-view" translate="no"><CodeBlockCode aria-label={t('vm.xml')}>{xml.text}</CodeBlockCode></CodeBlock>
      )}
    </>
  );
}
