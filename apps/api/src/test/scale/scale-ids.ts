import { createHash } from 'node:crypto';

/**
 * The generated municipality's ids are `md5('<seed>:<kind>:<keys>')` made a version 4 uuid, in SQL and here
 * alike, so a benchmark or a test finds a generated person without reading the database.
 */
export function scaleId(seed: number, kind: string, ...keys: number[]): string {
  const hex = createHash('md5')
    .update([String(seed), kind, ...keys.map(String)].join(':'))
    .digest('hex');
  // A version 4 uuid, variant 10: the digits the API's id schema checks.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** A draw in [0, 1), as the generator's SQL makes it from the same seed, salt and keys. */
export function scaleDraw(seed: number, salt: string, ...keys: number[]): number {
  const hex = createHash('md5')
    .update([String(seed), salt, ...keys.map(String)].join(':'))
    .digest('hex');
  return parseInt(hex.slice(0, 8), 16) / 2 ** 32;
}

/** Families per coordinator, and families a service unit works with (so each of its workers has about that many). */
export const FAMILIES_PER_COORDINATOR = 40;
export const FAMILIES_PER_SERVICE_UNIT = 150;
/** Services in every family's plan: one of each kind. */
export const SERVICE_KINDS = 6;
export const WORKERS_PER_SERVICE = 2;

export interface ScaleShape {
  families: number;
  coordinators: number;
  /** Service units of each kind; `SERVICE_KINDS` times this many services in all. */
  unitsPerKind: number;
}

export function scaleShape(families: number): ScaleShape {
  return {
    families,
    coordinators: Math.ceil(families / FAMILIES_PER_COORDINATOR),
    unitsPerKind: Math.ceil(families / FAMILIES_PER_SERVICE_UNIT),
  };
}

/** The people a benchmark or a test signs in as: a coordinator, a worker and a manager from the middle of the municipality. */
export function samplePeople(seed: number, shape: ScaleShape) {
  const coordinator = Math.ceil(shape.coordinators / 2);
  const firstFamily = (coordinator - 1) * FAMILIES_PER_COORDINATOR + 1;
  // The coordinator's first open case (the generator closes a family whose status draw is 0.9 or more).
  let family = firstFamily;
  while (
    scaleDraw(seed, 'status', family) >= 0.9 &&
    family < Math.min(shape.families, firstFamily + FAMILIES_PER_COORDINATOR - 1)
  )
    family += 1;
  return {
    coordinatorId: scaleId(seed, 'coordinator', coordinator),
    /** A social worker (kind 3) of a unit in the middle. */
    workerId: scaleId(seed, 'worker', 3, Math.ceil(shape.unitsPerKind / 2), 1),
    managerId: scaleId(seed, 'manager', 1),
    /** The first open family of the coordinator above: its plan is the one read. */
    familyId: scaleId(seed, 'family', family),
  };
}
