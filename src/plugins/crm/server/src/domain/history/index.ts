export * from './values';
export * from './records';
