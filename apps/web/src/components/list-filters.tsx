import { Group, NativeSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

interface ListFiltersProps<T extends string> {
  /** Names the search landmark. */
  label: string;
  searchLabel: string;
  q: string;
  onQChange: (q: string) => void;
  selectLabel: string;
  /** The first option, which filters nothing. */
  allLabel: string;
  options: { value: T; label: string }[];
  value: T | null;
  onChange: (value: T | null) => void;
}

/** A search box and one choice above a list; both are labelled fields, usable from the keyboard. */
export function ListFilters<T extends string>(props: ListFiltersProps<T>) {
  return (
    <Group gap="sm" align="flex-end" role="search" aria-label={props.label}>
      <TextInput
        label={props.searchLabel}
        type="search"
        value={props.q}
        onChange={(event) => props.onQChange(event.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />}
        maxLength={100}
        w={{ base: '100%', sm: 280 }}
      />
      <NativeSelect
        label={props.selectLabel}
        data={[{ value: '', label: props.allLabel }, ...props.options]}
        value={props.value ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          props.onChange(value ? (value as T) : null);
        }}
        w={{ base: '100%', sm: 240 }}
      />
    </Group>
  );
}
