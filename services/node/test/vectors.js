'use strict';
// What services/domain answers for many inputs (services/domain/test-vectors.json, written by domain's
// DomainVectorsTest): the one source of truth the Node port is checked against.
const fs = require('node:fs');
const path = require('node:path');

module.exports = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'domain', 'test-vectors.json'), 'utf8'));
