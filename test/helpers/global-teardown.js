'use strict';

const { dropLeftoverDatabases } = require('./databases');

/** Databases of test files that crashed before their own clean-up are dropped here. */
module.exports = async () => {
  await dropLeftoverDatabases();
};
