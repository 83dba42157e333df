import {
  Badge,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { AccessDialog } from './AccessDialog';
import { EditUserDialog } from './EditUserDialog';
import type { Invited } from './InviteUserDialog';
import type { User } from './model';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { TableScroll } from '../../components/TableScroll';

const useStyles = makeStyles({
  name: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The partner's users with what each may do; `selfId` marks the row that cannot lose access. */
export function UsersTable(props: {
  users: readonly User[];
  selfId: string | undefined;
  labelledBy: string;
  onNotice: (text: string) => void;
  onReset: (answer: Invited) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  return (
    <TableScroll labelledBy={props.labelledBy}>
      <Table aria-labelledby={props.labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('users.columns.name')}</TableHeaderCell>
            <TableHeaderCell>{t('users.columns.email')}</TableHeaderCell>
            <TableHeaderCell>{t('users.columns.role')}</TableHeaderCell>
            <TableHeaderCell>{t('users.columns.status')}</TableHeaderCell>
            <TableHeaderCell>{t('users.columns.created')}</TableHeaderCell>
            <TableHeaderCell>{t('users.columns.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.users.map((user) => {
            const self = user.id === props.selfId;
            const name = user.displayName || user.email;
            return (
              <TableRow key={user.id} data-user-id={user.id}>
                <TableCell>
                  <span className={styles.name}>
                    {user.displayName}
                    {self && (
                      <Badge appearance="outline" color="informative">
                        {t('users.you')}
                      </Badge>
                    )}
                  </span>
                </TableCell>
                <TableCell>{user.email}</TableCell>
                <TableCell>{t(`users.roles.${user.role}`)}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={user.disabled ? 'danger' : 'success'}>
                    {user.disabled ? t('users.status.disabled') : t('users.status.active')}
                  </Badge>
                </TableCell>
                <TableCell>{format.date(user.createdAt)}</TableCell>
                <TableCell>
                  <span className={styles.actions}>
                    <EditUserDialog
                      user={user}
                      self={self}
                      onSaved={(saved) =>
                        props.onNotice(
                          t('users.edit.saved', { name: saved.displayName || saved.email }),
                        )
                      }
                    />
                    <AccessDialog
                      user={user}
                      self={self}
                      onSaved={(saved) =>
                        props.onNotice(
                          t(saved.disabled ? 'users.access.disabled' : 'users.access.enabled', {
                            name,
                          }),
                        )
                      }
                    />
                    <ResetPasswordDialog user={user} self={self} onReset={props.onReset} />
                  </span>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
