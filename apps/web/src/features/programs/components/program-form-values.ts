import {
  createProgramSchema,
  updateProgramSchema,
  type NewProgramMetric,
  type Program,
  type ProgramMetricDefinition,
  type ProgramMetricKind,
} from '@yhdessa/shared';
import type { z } from 'zod';

/** A number field holds what was typed: empty until something is. */
type Typed = number | string;

export interface MetricValues {
  /** Keeps a row's identity while rows are added and removed. */
  key: string;
  name: string;
  kind: ProgramMetricKind;
  months: Typed;
  placementServiceIds: string[];
  steps: Typed;
  domains: Typed;
  baselineRate: Typed;
  targetRate: Typed;
  /** Euros as typed; cents only go to the server. */
  payment: Typed;
}

export interface ProgramFormValues {
  name: string;
  provider: string;
  description: string;
  targetDescription: string;
  childAgeMin: Typed;
  childAgeMax: Typed;
  startsOn: string;
  endsOn: string;
  /** New payers: all of them for a new programme, those added for a saved one. */
  payers: { key: string; name: string }[];
  metrics: MetricValues[];
}

let nextKey = 0;
export const rowKey = () => `row-${(nextKey += 1)}`;

export function emptyMetric(): MetricValues {
  return {
    key: rowKey(),
    name: '',
    kind: 'goal_reached',
    months: 12,
    placementServiceIds: [],
    steps: 1,
    domains: 1,
    baselineRate: '',
    targetRate: '',
    payment: '',
  };
}

function metricValuesOf(metric: NewProgramMetric): MetricValues {
  const { definition } = metric;
  return {
    ...emptyMetric(),
    name: metric.name,
    kind: definition.kind,
    months: definition.months,
    placementServiceIds: definition.kind === 'lives_at_home' ? definition.placementServiceIds : [],
    steps: definition.kind === 'wellbeing_improved' ? definition.steps : 1,
    domains: definition.kind === 'wellbeing_improved' ? definition.domains : 1,
    baselineRate: metric.baselineRate,
    targetRate: metric.targetRate,
    payment: metric.paymentCents / 100,
  };
}

export function formValuesOf(program?: Program): ProgramFormValues {
  if (!program)
    return {
      name: '',
      provider: '',
      description: '',
      targetDescription: '',
      childAgeMin: 0,
      childAgeMax: 17,
      startsOn: '',
      endsOn: '',
      payers: [{ key: rowKey(), name: '' }],
      metrics: [emptyMetric()],
    };
  return {
    name: program.name,
    provider: program.provider,
    description: program.description,
    targetDescription: program.targetGroup.description,
    childAgeMin: program.targetGroup.childAgeMin,
    childAgeMax: program.targetGroup.childAgeMax,
    startsOn: program.startsOn,
    endsOn: program.endsOn,
    payers: [],
    metrics: program.metrics.map(metricValuesOf),
  };
}

/** An empty field stays missing, so the schema names it, instead of turning into 0. */
const numberOf = (value: Typed) => (value === '' ? undefined : Number(value));

function definitionOf(metric: MetricValues): ProgramMetricDefinition {
  const months = numberOf(metric.months) as number;
  if (metric.kind === 'lives_at_home') return { kind: 'lives_at_home', months, placementServiceIds: metric.placementServiceIds };
  if (metric.kind === 'wellbeing_improved')
    return {
      kind: 'wellbeing_improved',
      months,
      steps: numberOf(metric.steps) as number,
      domains: numberOf(metric.domains) as number,
    };
  return { kind: 'goal_reached', months };
}

function metricBodyOf(metric: MetricValues): NewProgramMetric {
  const payment = numberOf(metric.payment);
  return {
    name: metric.name,
    definition: definitionOf(metric),
    baselineRate: numberOf(metric.baselineRate) as number,
    targetRate: numberOf(metric.targetRate) as number,
    paymentCents: (payment === undefined ? undefined : Math.round(payment * 100)) as number,
  };
}

function fieldsOf(values: ProgramFormValues) {
  return {
    name: values.name,
    provider: values.provider,
    description: values.description,
    targetGroup: {
      description: values.targetDescription,
      childAgeMin: numberOf(values.childAgeMin),
      childAgeMax: numberOf(values.childAgeMax),
    },
    startsOn: values.startsOn,
    endsOn: values.endsOn,
  };
}

export function parseNewProgram(values: ProgramFormValues) {
  return createProgramSchema.safeParse({
    ...fieldsOf(values),
    payers: values.payers.map((payer) => payer.name),
    metrics: values.metrics.map(metricBodyOf),
  });
}

/**
 * The change to a saved programme. The metrics are sent only when they may change and did: an
 * unchanged contract is left alone, so a family enrolled meanwhile does not block the other fields.
 */
export function parseProgramChange(values: ProgramFormValues, program: Program, version: number) {
  const metrics = values.metrics.map(metricBodyOf);
  const saved = program.metrics.map(({ id: _id, ...metric }) => metric);
  const metricsChanged = program.can.changeMetrics && JSON.stringify(metrics) !== JSON.stringify(saved);
  return updateProgramSchema.safeParse({
    ...fieldsOf(values),
    version,
    addPayers: values.payers.map((payer) => payer.name),
    ...(metricsChanged ? { metrics } : {}),
  });
}

/** The form field a contract path points at, e.g. `metrics.0.definition.months` → `metrics.0.months`. */
export function formFieldOf(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  if (head === 'targetGroup') return rest[0] === 'description' ? 'targetDescription' : (rest[0] ?? 'childAgeMin');
  if ((head === 'payers' || head === 'addPayers') && rest[0] !== undefined) return `payers.${rest[0]}.name`;
  if (head === 'addPayers') return 'payers';
  if (head === 'metrics' && rest[0] !== undefined) {
    const field = rest[1] === 'definition' ? (rest[2] ?? 'kind') : rest[1] === 'paymentCents' ? 'payment' : (rest[1] ?? 'name');
    return `metrics.${rest[0]}.${field}`;
  }
  return head ?? 'name';
}

/** The translation key of a field's error, by the field's own name (its last part). */
export function errorKeyOf(field: string): string {
  const name = field.split('.').at(-1) ?? field;
  return `programs.errors.${name}`;
}

/**
 * A failed parse as form errors: one translation key per field at fault. The contract checks the
 * order of the dates and of the ages only once every field is valid, so the form checks them too.
 */
export function formErrorsOf(error: z.ZodError, values: ProgramFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) errors.endsOn = errorKeyOf('endsOn');
  if (values.childAgeMin !== '' && values.childAgeMax !== '' && Number(values.childAgeMax) < Number(values.childAgeMin))
    errors.childAgeMax = errorKeyOf('childAgeMax');
  for (const issue of error.issues) {
    const field = formFieldOf(issue.path);
    errors[field] ??= errorKeyOf(field);
  }
  return errors;
}
