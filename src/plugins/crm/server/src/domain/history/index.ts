export * from './values';
export * from './records';
export * from './watch';
