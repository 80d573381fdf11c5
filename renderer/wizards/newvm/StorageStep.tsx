import { Alert, Form, FormGroup, Radio, TextInput } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { PoolSummary } from '../../../main/api/contract/index.js';
import { FieldMessage, validated } from '../common/FieldMessage.js';
import { DEFAULT_POOL, DEFAULT_POOL_PATH } from '../common/default-pool.js';
import { formatBytesPlain } from '../common/validators.js';
import { VolumeSelect } from '../common/VolumeSelect.js';
import type { StepProps } from './step-props.js';


/** Step 4: a new disk in the default pool (made when missing), an existing volume, or none. */
export function StorageStep({ state, set, errors, pools, format, recommended }: StepProps & {
  pools: readonly PoolSummary[];
  format: string;
  recommended: number | undefined;
}): React.JSX.Element {
  const { t } = useTranslation();
  if (state.method === 'import' || state.method === 'cloud') {
    return <Alert variant="info" isInline title={state.method === 'import' ? t('wizards.newvm.storageImport') : t('wizards.newvm.storageCloud')} />;
  }
  const pool = pools.find((p) => p.name === DEFAULT_POOL);
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <FormGroup role="radiogroup" fieldId="newvm-storage" label={t('wizards.newvm.storage')} isStack>
        <Radio id="newvm-storage-new" name="newvm-storage" isChecked={state.storage === 'new'} onChange={() => set({ storage: 'new' })}
          label={t('wizards.newvm.storageNew', { format })} />
        {state.storage === 'new' && (
          <FormGroup label={t('wizards.newvm.diskSize')} fieldId="newvm-disk-size" isRequired className="newvm-indent">
            <TextInput id="newvm-disk-size" value={state.diskGiB} validated={validated(errors['diskSize'])} onChange={(_e, diskGiB) => set({ diskGiB })} />
            <FieldMessage error={errors['diskSize']} hint={[
              recommended ? t('wizards.newvm.recommended', { value: formatBytesPlain(recommended) }) : '',
              pool ? (pool.active ? t('wizards.newvm.poolFree', { pool: pool.name, free: formatBytesPlain(pool.available) }) : t('wizards.newvm.poolInactive', { pool: pool.name }))
                : t('wizards.newvm.poolMade', { pool: DEFAULT_POOL, path: DEFAULT_POOL_PATH }),
            ].filter(Boolean).join(' · ')} />
          </FormGroup>
        )}
        <Radio id="newvm-storage-existing" name="newvm-storage" isChecked={state.storage === 'existing'} onChange={() => set({ storage: 'existing' })}
          label={t('wizards.newvm.storageExisting')} />
        {state.storage === 'existing' && (
          <FormGroup label={t('wizards.newvm.existingVolume')} fieldId="newvm-existing" isRequired className="newvm-indent">
            <VolumeSelect id="newvm-existing" pools={pools} value={state.existingDisk} onChange={(existingDisk) => set({ existingDisk })}
              filter={(v) => !/\.iso$/i.test(v.name)} validated={validated(errors['existingDisk'])} />
            <FieldMessage error={errors['existingDisk']} />
          </FormGroup>
        )}
        <Radio id="newvm-storage-none" name="newvm-storage" isChecked={state.storage === 'none'} onChange={() => set({ storage: 'none' })}
          label={t('wizards.newvm.storageNone')} />
      </FormGroup>
    </Form>
  );
}
