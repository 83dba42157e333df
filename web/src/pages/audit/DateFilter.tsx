import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';

/**
 * A calendar day. While a year is typed digit by digit the input passes through days like
 * 0002-05-01; those stay here, unapplied, so they neither run a search nor fill the history.
 */
export function DateFilter(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  className?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <Field
      label={props.label}
      hint={props.hint}
      className={props.className}
      validationState={props.error ? 'error' : 'none'}
      validationMessage={props.error}
    >
      <Input
        type="date"
        value={draft ?? props.value}
        onChange={(_event, data) => {
          if (data.value === '' || /^[1-9]\d{3}-/.test(data.value)) {
            setDraft(null);
            if (data.value !== props.value) props.onChange(data.value);
          } else {
            setDraft(data.value);
          }
        }}
      />
    </Field>
  );
}
