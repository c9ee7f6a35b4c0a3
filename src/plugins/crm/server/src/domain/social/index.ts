export * from './found-profile';
export * from './gravatar';
export * from './profile-fields';
export * from './taken-fields';
