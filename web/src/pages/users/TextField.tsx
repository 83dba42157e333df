import { Field, Input } from '@fluentui/react-components';

/** A labelled text input with its hint and, once the form was checked, its problem. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  maxLength?: number;
  required?: boolean;
  hint?: string;
  error?: string;
}) {
  return (
    <Field
      label={props.label}
      required={props.required}
      hint={props.hint}
      validationMessage={props.error}
    >
      <Input
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        value={props.value}
        onChange={(_event, data) => props.onChange(data.value)}
      />
    </Field>
  );
}
