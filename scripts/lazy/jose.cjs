// Entry of dist/lazy/jose.js: the jose package, bundled apart from dist/extension.js and loaded on first use.
module.exports = require('jose');
