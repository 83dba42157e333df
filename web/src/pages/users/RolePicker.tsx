import {
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Role } from './model';
import { useRoles } from './policy';

const useStyles = makeStyles({
  choice: { display: 'flex', flexDirection: 'column' },
  description: {
    marginLeft: tokens.spacingHorizontalXXL,
    color: tokens.colorNeutralForeground3,
  },
});

/** The roles, each with what it may do, so that the admin picks knowingly. */
export function RolePicker(props: {
  value: Role;
  onChange: (role: Role) => void;
  disabled?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId('role');
  const roles = useRoles();
  return (
    <Field label={t('users.role')} hint={props.hint}>
      <RadioGroup
        value={props.value}
        disabled={props.disabled}
        onChange={(_event, data) => props.onChange(data.value as Role)}
      >
        {roles.map((role) => (
          <div key={role} className={styles.choice}>
            <Radio
              value={role}
              label={t(`users.roles.${role}`)}
              aria-describedby={`${id}-${role}`}
            />
            <Text id={`${id}-${role}`} size={200} className={styles.description}>
              {t(`users.roleDescriptions.${role}`)}
            </Text>
          </div>
        ))}
      </RadioGroup>
    </Field>
  );
}
