export * from './values';
export * from './records';
export * from './watch';
export * from './inserted';
export * from './stored-changes';
