import { Content, Form } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { CPU_MODES, FIRMWARES, GRAPHICS, STORAGE_FORMATS } from '../../main/api/contract/settings-values.js';
import type { SectionProps } from './section.js';
import { SelectField } from './SelectField.js';

/** New VM: what the New Virtual Machine wizard starts from (graphics, disk format, CPU model, x86 firmware). */
export function NewVmSection({ settings, update }: SectionProps): React.JSX.Element {
  const { t } = useTranslation();
  const v = settings.newVm;
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <Content component="p">{t('prefs.newVm.intro')}</Content>
      <SelectField id="prefs-newvm-graphics" label={t('prefs.newVm.graphics')} value={v.graphics} values={GRAPHICS}
        labelOf={(x) => t(`prefs.newVm.graphicsValues.${x}`)} onChange={(graphics) => update({ newVm: { graphics } })} />
      <SelectField id="prefs-newvm-storage" label={t('prefs.newVm.storageFormat')} value={v.storageFormat} values={STORAGE_FORMATS}
        labelOf={(x) => t(`prefs.newVm.storageFormatValues.${x}`)} onChange={(storageFormat) => update({ newVm: { storageFormat } })} />
      <SelectField id="prefs-newvm-cpu" label={t('prefs.newVm.cpuMode')} value={v.cpuMode} values={CPU_MODES}
        labelOf={(x) => t(`prefs.newVm.cpuModeValues.${x}`)} onChange={(cpuMode) => update({ newVm: { cpuMode } })} />
      <SelectField id="prefs-newvm-firmware" label={t('prefs.newVm.firmware')} value={v.firmware} values={FIRMWARES}
        labelOf={(x) => t(`prefs.newVm.firmwareValues.${x}`)} onChange={(firmware) => update({ newVm: { firmware } })} />
    </Form>
  );
}
