import { enrolmentEndReasons, type ProgramMetricDefinition, type ProgramTargetGroup } from '@yhdessa/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns';
import { accounts } from './accounts';
import { familyMembers, families } from './families';
import { organisations } from './organisations';

export const enrolmentEndReasonEnum = pgEnum('enrolment_end_reason', enrolmentEndReasons);

/**
 * An outcome-based contract (Program). It belongs to the organisation of the manager who made it:
 * only that organisation's managers and coordinators see it.
 */
export const programs = pgTable(
  'programs',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    provider: text('provider').notNull(),
    description: text('description').notNull().default(''),
    targetGroup: jsonb('target_group').$type<ProgramTargetGroup>().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('programs_organisation_idx').on(table.organisationId),
    check('programs_period_in_order', sql`${table.startsOn} <= ${table.endsOn}`),
  ],
);

/** Who pays for the outcomes: a municipality or a joint authority. Added, never removed. */
export const programPayers = pgTable(
  'program_payers',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (table) => [uniqueIndex('program_payers_position_idx').on(table.programId, table.position)],
);

/** An outcome the contract pays for, computed by the product as its definition says. */
export const programMetrics = pgTable(
  'program_metrics',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<ProgramMetricDefinition>().notNull(),
    baselineRate: doublePrecision('baseline_rate').notNull(),
    targetRate: doublePrecision('target_rate').notNull(),
    paymentCents: bigint('payment_cents', { mode: 'number' }).notNull(),
  },
  (table) => [
    uniqueIndex('program_metrics_position_idx').on(table.programId, table.position),
    check('program_metrics_rates', sql`${table.baselineRate} between 0 and 100 and ${table.targetRate} between 0 and 100`),
    check('program_metrics_payment', sql`${table.paymentCents} >= 0`),
  ],
);

/**
 * A family in a programme, with its guardian's consent. The pseudonym, fixed at enrolment, is all
 * a manager ever sees of the family. A family whose guardian withdrew consent
 * (`end_reason = 'consent_withdrawn'`) is left out of every report and trace.
 */
export const programEnrolments = pgTable(
  'program_enrolments',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    payerId: uuid('payer_id')
      .notNull()
      .references(() => programPayers.id),
    pseudonym: text('pseudonym').notNull(),
    enrolledOn: date('enrolled_on').notNull(),
    consentGivenBy: uuid('consent_given_by')
      .notNull()
      .references(() => familyMembers.id),
    consentGivenOn: date('consent_given_on').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => accounts.id),
    endedOn: date('ended_on'),
    endReason: enrolmentEndReasonEnum('end_reason'),
    version: version(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('program_enrolments_pseudonym_idx').on(table.pseudonym),
    index('program_enrolments_program_idx').on(table.programId),
    index('program_enrolments_family_idx').on(table.familyId),
    // A family is in a programme at most once at a time.
    uniqueIndex('program_enrolments_one_open_idx')
      .on(table.programId, table.familyId)
      .where(sql`${table.endedOn} is null`),
    check('program_enrolments_ended_with_reason', sql`(${table.endedOn} is null) = (${table.endReason} is null)`),
    check('program_enrolments_ended_after_enrolled', sql`${table.endedOn} is null or ${table.endedOn} >= ${table.enrolledOn}`),
    check('program_enrolments_consent_first', sql`${table.consentGivenOn} <= ${table.enrolledOn}`),
  ],
);
