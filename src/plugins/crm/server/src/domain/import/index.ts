export * from './fields';
export * from './company-match';
export * from './rows';
export * from './undo';
export * from './sensitive';
export * from './csv-shape';
export * from './stages';
export * from './dates';
