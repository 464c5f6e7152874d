import { Stack, Text, Title } from '@mantine/core';
import type { ProgramMetric } from '@yhdessa/shared';
import { useMetricWords, type ServiceNames } from './metric-words';

interface MetricListProps {
  metrics: ProgramMetric[];
  services: ServiceNames;
  /** The heading level of each metric's name, under the section's own heading. */
  order: 3 | 4;
}

/** Each metric by name: what it counts, in words, and its baseline, target and payment per outcome. */
export function MetricList({ metrics, services, order }: MetricListProps) {
  const words = useMetricWords(services);
  return (
    <Stack gap="md">
      {metrics.map((metric) => (
        <Stack key={metric.id} gap={4}>
          <Title order={order} size="h5">
            {metric.name}
          </Title>
          <Text size="sm" fw={600}>
            {words.kind(metric)}
          </Text>
          <Text size="sm">{words.definition(metric)}</Text>
          <Text size="sm">{words.terms(metric)}</Text>
        </Stack>
      ))}
    </Stack>
  );
}
