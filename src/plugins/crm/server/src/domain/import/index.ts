export * from './fields';
export * from './company-match';
export * from './rows';
export * from './csv-shape';
