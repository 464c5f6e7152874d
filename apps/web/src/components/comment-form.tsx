import { Button, Stack, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftKey } from '../lib/draft-storage';
import { useDraftForm } from '../lib/drafts';
import { useCharacterCount } from './character-count';
import { SaveError } from './save-error';

interface CommentFormProps {
  label: string;
  description?: string;
  /** The longest comment the API takes; the field counts up to it. */
  maxLength: number;
  pending: boolean;
  error: unknown;
  /** What the writer has written and not yet sent is kept under this key until it is sent. */
  draft: DraftKey;
  /** Sends the comment; `sent` empties the field once the server has it. */
  onSubmit: (body: string, sent: () => void) => void;
  /** Fields asked before the text, e.g. whether it is a comment or a correction request. */
  children?: ReactNode;
}

/** Writing one comment: a counted text field and a send button; what the writer wrote stays until it is sent. */
export function CommentForm({ label, description, maxLength, pending, error, draft, onSubmit, children }: CommentFormProps) {
  const { t } = useTranslation();
  const counted = useCharacterCount();
  const { form, clearDraft } = useDraftForm(draft, { initialValues: { body: '' } });
  const body = form.values.body;
  const blank = body.trim() === '';
  return (
    <form
      onSubmit={form.onSubmit(() => {
        if (!blank)
          onSubmit(body, () => {
            form.setFieldValue('body', '');
            clearDraft();
          });
      })}
    >
      <Stack gap="xs">
        {children}
        <Textarea
          label={label}
          description={description}
          {...form.getInputProps('body')}
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
