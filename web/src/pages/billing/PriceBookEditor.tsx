import {
  Button,
  Card,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type PriceBook } from '../../api/client';
import { errorMessage } from '../../components/common';
import { useFormat } from '../../lib/format';
import { useCan } from '../../session';
import {
  bodyOf,
  draftOf,
  fieldKey,
  newRule,
  type FieldProblems,
  type PriceBookDraft,
} from './priceBookDraft';
import { RuleRow, type RuleChoices } from './RuleRow';
import { useReloadPriceBook, useSavePriceBook } from './usePriceBook';

const COLUMNS = [
  'offer',
  'segment',
  'customer',
  'kind',
  'value',
  'currency',
  'billingCycle',
  'actions',
] as const;

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
  },
  updated: { color: tokens.colorNeutralForeground3 },
  markup: { maxWidth: '220px' },
  table: { tableLayout: 'auto' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** The problems of a refusal by the field of the form they belong next to. */
function problemsOf(error: unknown, message: (code: string, detail: string) => string) {
  const problems: FieldProblems = new Map();
  if (!(error instanceof ApiError)) return problems;
  for (const item of error.problem.errors ?? []) {
    const key = fieldKey(item.field);
    problems.set(key, [...(problems.get(key) ?? []), message(item.code, item.detail)]);
  }
  return problems;
}

/** The default markup and the rules over it: edited here, saved as a whole with If-Match. */
export function PriceBookEditor(props: { book: PriceBook; choices: RuleChoices }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const can = useCan();
  const readOnly = !can('price_book.write');
  const save = useSavePriceBook();
  const reload = useReloadPriceBook();
  const [edited, setEdited] = useState<PriceBookDraft | null>(null);
  const draft = edited ?? draftOf(props.book);
  const edit = (next: PriceBookDraft) => {
    setEdited(next);
    if (save.isSuccess) save.reset();
  };
  const conflict = save.error instanceof ApiError && save.error.status === 412;
  const problems = problemsOf(save.error, (code, detail) =>
    t(`billing.priceBook.problems.${code}`, { defaultValue: detail }),
  );
  const defaultProblem = problems.get('default')?.join(' ');

  const submit = () =>
    save.mutate(
      { etag: props.book.etag, body: bodyOf(draft) },
      { onSuccess: () => setEdited(null) },
    );

  return (
    <Card className={styles.card} aria-labelledby="price-book-title">
      <div className={styles.heading}>
        <Title3 as="h2" id="price-book-title">
          {t('billing.priceBook.title')}
        </Title3>
        {props.book.updatedAt && (
          <Text size={200} className={styles.updated}>
            {t('billing.priceBook.updated', { date: format.dateTime(props.book.updatedAt) })}
          </Text>
        )}
      </div>
      <Text>{t('billing.priceBook.intro')}</Text>
      {readOnly && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{t('billing.priceBook.readOnly')}</MessageBarBody>
        </MessageBar>
      )}
      <Field
        className={styles.markup}
        label={t('billing.priceBook.defaultMarkup')}
        hint={t('billing.priceBook.defaultMarkupHint')}
        validationMessage={defaultProblem}
        validationState={defaultProblem ? 'error' : 'none'}
      >
        <Input
          value={draft.defaultMarkupPercent}
          inputMode="decimal"
          contentAfter="%"
          disabled={readOnly}
          onChange={(_event, data) => edit({ ...draft, defaultMarkupPercent: data.value })}
        />
      </Field>
      <Title3 as="h3" id="price-rules-title">
        {t('billing.priceBook.rules')}
      </Title3>
      {draft.rules.length === 0 ? (
        <Text>{t('billing.priceBook.noRules')}</Text>
      ) : (
        <Table className={styles.table} aria-labelledby="price-rules-title" size="small">
          <TableHeader>
            <TableRow>
              {COLUMNS.map((column) => (
                <TableHeaderCell key={column}>
                  {t(`billing.priceBook.columns.${column}`)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {draft.rules.map((rule, index) => (
              <RuleRow
                key={rule.key}
                index={index}
                rule={rule}
                choices={props.choices}
                problems={problems}
                readOnly={readOnly}
                onChange={(next) =>
                  edit({ ...draft, rules: draft.rules.map((r, i) => (i === index ? next : r)) })
                }
                onRemove={() =>
                  edit({ ...draft, rules: draft.rules.filter((_rule, i) => i !== index) })
                }
              />
            ))}
          </TableBody>
        </Table>
      )}
      {conflict && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t('billing.priceBook.conflict')}</MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                setEdited(null);
                save.reset();
                void reload();
              }}
            >
              {t('billing.priceBook.reload')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {save.isError && !conflict && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('billing.priceBook.failed', { message: errorMessage(save.error) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {save.isSuccess && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('billing.priceBook.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {!readOnly && (
        <div className={styles.actions}>
          <Button
            onClick={() =>
              edit({
                ...draft,
                rules: [...draft.rules, newRule(props.choices.currencies[0] ?? '')],
              })
            }
          >
            {t('billing.priceBook.add')}
          </Button>
          <Button appearance="primary" disabled={save.isPending} onClick={submit}>
            {save.isPending ? t('billing.priceBook.saving') : t('billing.priceBook.save')}
          </Button>
          {edited && (
            <Button
              appearance="subtle"
              onClick={() => {
                setEdited(null);
                save.reset();
              }}
            >
              {t('billing.priceBook.discard')}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
