export * from './ids';
export * from './errors';
export * from './auth';
export * from './health';
export * from './families';
export * from './plans';
export * from './actions';
export * from './realtime';
