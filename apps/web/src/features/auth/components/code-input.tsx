import { TextInput } from '@mantine/core';
import { forwardRef } from 'react';

interface CodeInputProps {
  label: string;
  /** On a screen that asks for nothing else, the cursor starts here. */
  autoFocus?: boolean;
  description?: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** Six digits from the authenticator app: a numeric keypad on phones, and the code offered from an SMS or app. */
export const CodeInput = forwardRef<HTMLInputElement, CodeInputProps>(function CodeInput(
  { label, description, value, error, onChange, autoFocus },
  ref,
) {
  return (
    <TextInput
      ref={ref}
      autoFocus={autoFocus}
      label={label}
      description={description}
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      withAsterisk={false}
      size="md"
      styles={{ input: { fontFamily: 'ui-monospace, monospace', letterSpacing: '0.3em', maxWidth: '12rem' } }}
    />
  );
});
