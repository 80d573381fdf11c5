import { useTranslation } from 'react-i18next';
import { videoModels, type VideoDevice } from '../../../drivers/xml/index.js';
import type { DevicePageProps } from './device-page.js';
import { DeviceForm } from './parts/DevicePageForm.js';
import { capsChoices, pageContext, type DeviceFieldsProps } from './parts/field-context.js';
import { CheckField, ChoiceField, plainChoices, TextField } from './parts/FormParts.js';
import { useDomainCaps } from './parts/use-domain-caps.js';

const vramModels = new Set(['qxl', 'vga', 'cirrus', 'bochs']);

/** A video adapter's fields: model, video RAM, heads, 3D acceleration. */
export function VideoFields({ device, ctx }: DeviceFieldsProps<VideoDevice>): React.JSX.Element {
  const { t } = useTranslation();
  const model = device.model ?? '';
  return (
    <>
      <ChoiceField id="video-model" label={t('vmdevices.video.model')} value={model}
        choices={plainChoices(capsChoices(ctx.caps, 'video', 'modelType', videoModels))}
        onChange={(v) => ctx.apply('model', 'next-boot', () => {
          device.model = v;
          // RAM sizes of one model mean nothing to another; libvirt picks the new model's.
          if (!vramModels.has(v)) device.vram = undefined;
          if (v !== 'virtio') device.accel3d = false;
        })} />
      {vramModels.has(model) && (
        <TextField id="video-vram" label={t('vmdevices.video.vram')} value={device.vram === undefined ? '' : String(device.vram)} type="number"
          placeholder={t('vmdevices.default')}
          commit={(v) => ctx.apply('vram', 'next-boot', () => {
            device.vram = v === '' ? undefined : Number(v);
          })} />
      )}
      {model !== 'none' && (
        <TextField id="video-heads" label={t('vmdevices.video.heads')} value={device.heads === undefined ? '' : String(device.heads)} type="number"
          placeholder="1"
          commit={(v) => ctx.apply('heads', 'next-boot', () => {
            device.heads = v === '' ? undefined : Number(v);
          })} />
      )}
      {model === 'virtio' && (
        <CheckField id="video-accel3d" label={t('vmdevices.video.accel3d')} checked={device.accel3d} help={t('vmdevices.video.accel3dHelp')}
          onChange={(on) => ctx.apply('accel3d', 'next-boot', () => {
            device.accel3d = on;
          })} />
      )}
    </>
  );
}

export function VideoPage(props: DevicePageProps<VideoDevice>): React.JSX.Element {
  const caps = useDomainCaps(props.connection, props.draft);
  return (
    <DeviceForm id="device-page-video">
      <VideoFields device={props.device} ctx={pageContext(props as DevicePageProps, caps)} />
    </DeviceForm>
  );
}
