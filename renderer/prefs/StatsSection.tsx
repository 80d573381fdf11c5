import { Checkbox, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, NumberInput } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATS_GROUPS, statsSettingsSchema } from '../../main/api/contract/index.js';
import type { SectionProps } from './section.js';

/** The interval as typed, if it is a valid one (a whole number of seconds, 1–60). */
export function parseInterval(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const r = statsSettingsSchema.shape.intervalSeconds.safeParse(Number(text));
  return r.success ? r.data : undefined;
}

/** Polling: how often stats are read and which of them (virt-manager's "Polling" page). */
export function StatsSection({ settings, update }: SectionProps): React.JSX.Element {
  const { t } = useTranslation();
  const saved = settings.stats.intervalSeconds;
  const [draft, setDraft] = useState(String(saved));
  const valid = parseInterval(draft);
  // A change saved elsewhere shows here, unless the field holds an edit that is not valid yet.
  useEffect(() => {
    setDraft((d) => (parseInterval(d) === undefined ? d : String(saved)));
  }, [saved]);

  const change = (text: string): void => {
    setDraft(text);
    const n = parseInterval(text);
    if (n !== undefined && n !== saved) update({ stats: { intervalSeconds: n } });
  };
  const step = (by: number): void => change(String(Math.min(60, Math.max(1, (valid ?? saved) + by))));

  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <FormGroup label={t('prefs.stats.interval')} fieldId="prefs-stats-interval">
        <NumberInput value={draft === '' ? '' : Number(draft)} min={1} max={60} unit={<span style={{ whiteSpace: 'nowrap' }}>{t('prefs.stats.seconds')}</span>} widthChars={4}
          validated={valid === undefined ? 'error' : 'default'}
          onChange={(e) => change(e.currentTarget.value)} onMinus={() => step(-1)} onPlus={() => step(1)}
          inputName="intervalSeconds" inputAriaLabel={t('prefs.stats.interval')}
          inputProps={{ id: 'prefs-stats-interval', 'aria-invalid': valid === undefined, 'aria-describedby': 'prefs-stats-interval-help' }}
          minusBtnAriaLabel={t('prefs.stats.decrease')} plusBtnAriaLabel={t('prefs.stats.increase')} />
        <FormHelperText>
          <HelperText>
            {valid === undefined
              ? <HelperTextItem variant="error" id="prefs-stats-interval-error">{t('prefs.stats.intervalError')}</HelperTextItem>
              : <HelperTextItem>{t('prefs.stats.intervalHelp')}</HelperTextItem>}
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <FormGroup label={t('prefs.stats.poll')} role="group" isStack fieldId="prefs-stats-poll">
        {STATS_GROUPS.map((g) => (
          <Checkbox key={g} id={`prefs-stats-${g}`} label={t(`prefs.stats.${g}`)} isChecked={settings.stats[g]}
            onChange={(_e, on) => update({ stats: { [g]: on } })} />
        ))}
        <FormHelperText>
          <HelperText><HelperTextItem>{t('prefs.stats.pollHelp')}</HelperTextItem></HelperText>
        </FormHelperText>
      </FormGroup>
    </Form>
  );
}
