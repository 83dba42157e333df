import {
  Checkbox,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading } from '../../components/common';
import { ALL_EVENTS, useWebhookEventTypes } from '../../lib/webhooks';
import { useEventLabels } from '../audit/labels';

const useStyles = makeStyles({
  // Thirty-odd types: a box of their own that scrolls, so that the dialog's buttons stay in view.
  list: {
    maxHeight: '240px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  group: { border: 'none', margin: 0, padding: `${tokens.spacingVerticalXS} 0` },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  types: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))' },
  code: {
    display: 'block',
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
  },
});

/** What the endpoint receives: every event, or the chosen ones. */
export interface EventChoice {
  all: boolean;
  chosen: readonly string[];
}

/** The event types by their group, `subscription` for `subscription.suspended`, in API order. */
function byGroup(types: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const type of types) {
    const group = type.split('.')[0] ?? type;
    groups.set(group, [...(groups.get(group) ?? []), type]);
  }
  return [...groups];
}

/** "All events", or a tick for each event type the API offers, grouped as the audit log does. */
export function EventTypePicker(props: {
  value: EventChoice;
  onChange: (value: EventChoice) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useEventLabels();
  const types = useWebhookEventTypes();
  const { value, onChange } = props;
  const toggle = (type: string, checked: boolean) =>
    onChange({
      all: false,
      chosen: checked ? [...value.chosen, type] : value.chosen.filter((c) => c !== type),
    });

  return (
    <>
      <Field
        label={t('webhooks.form.events')}
        validationMessage={props.error}
        validationState={props.error ? 'error' : 'none'}
      >
        <RadioGroup
          value={value.all ? 'all' : 'some'}
          onChange={(_event, data) => onChange({ ...value, all: data.value === 'all' })}
        >
          <Radio value="all" label={t('webhooks.form.all')} />
          <Radio value="some" label={t('webhooks.form.some')} />
        </RadioGroup>
      </Field>
      {!value.all &&
        (types.isPending ? (
          <Loading />
        ) : types.isError ? (
          <ErrorBar error={types.error} />
        ) : (
          <div
            role="group"
            aria-label={t('webhooks.form.chosenEvents')}
            className={styles.list}
            data-testid="event-types"
          >
            {byGroup(types.data.filter((type) => type !== ALL_EVENTS)).map(([group, inGroup]) => (
              <fieldset key={group} className={styles.group}>
                <legend className={styles.legend}>
                  {t(`audit.groups.${group}`, { defaultValue: group })}
                </legend>
                <div className={styles.types}>
                  {inGroup.map((type) => (
                    <Checkbox
                      key={type}
                      checked={value.chosen.includes(type)}
                      onChange={(_event, data) => toggle(type, data.checked === true)}
                      label={
                        <>
                          {labels.what(type)}
                          <Text size={200} className={styles.code}>
                            {type}
                          </Text>
                        </>
                      }
                    />
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
        ))}
    </>
  );
}
