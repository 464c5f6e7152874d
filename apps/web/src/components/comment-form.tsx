import { Button, Stack, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCharacterCount } from './character-count';
import { SaveError } from './save-error';

interface CommentFormProps {
  label: string;
  description?: string;
  /** The longest comment the API takes; the field counts up to it. */
  maxLength: number;
  pending: boolean;
  error: unknown;
  /** Sends the comment; `sent` empties the field once the server has it. */
  onSubmit: (body: string, sent: () => void) => void;
  /** Fields asked before the text, e.g. whether it is a comment or a correction request. */
  children?: ReactNode;
}

/** Writing one comment: a counted text field and a send button; what the writer wrote stays until it is sent. */
export function CommentForm({ label, description, maxLength, pending, error, onSubmit, children }: CommentFormProps) {
  const { t } = useTranslation();
  const counted = useCharacterCount();
  const [body, setBody] = useState('');
  const blank = body.trim() === '';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!blank) onSubmit(body, () => setBody(''));
      }}
    >
      <Stack gap="xs">
        {children}
        <Textarea
          label={label}
          description={description}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          autosize
          minRows={2}
          {...counted(body, maxLength)}
        />
        {error !== null && <SaveError error={error} />}
        <div>
          <Button type="submit" size="sm" loading={pending} disabled={blank}>
            {t('comments.send')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
