// A date typed as dd/MM/yyyy (the way Vietnamese people write it), whatever the browser's
// own date picker would show for the device's language: the value handed out is always
// yyyy-MM-dd, or '' while the field is empty or not yet a real day.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDayInput } from '../lib/format.ts';
import { TextField, type TextFieldProps } from './TextField.tsx';

export interface DateFieldProps extends Omit<TextFieldProps, 'value' | 'onChange' | 'type'> {
  /** yyyy-MM-dd or ''. */
  value: string;
  onChange: (iso: string) => void;
}

export function DateField({ value, onChange, error, hint, onBlur, ...field }: DateFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => (value ? formatDate(value) : ''));
  const [touched, setTouched] = useState(false);
  // a value set from outside (a reset, a prefill) replaces what is shown
  useEffect(() => {
    if ((parseDayInput(text) ?? '') !== value) setText(value ? formatDate(value) : '');
  }, [value]);
  const wrong = touched && text.trim() !== '' && parseDayInput(text) === null;
  return (
    <TextField
      {...field}
      type="text"
      inputMode="numeric"
      autoComplete={field.autoComplete ?? 'off'}
      placeholder={t('ui.datePlaceholder')}
      hint={hint ?? t('ui.dateHint')}
      value={text}
      error={wrong ? t('ui.dateWrong') : error}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseDayInput(e.target.value) ?? '');
      }}
      onBlur={(e) => {
        setTouched(true);
        onBlur?.(e);
      }}
    />
  );
}
