// Entry of dist/lazy/axios.js: the axios package, bundled apart from dist/extension.js and loaded on first use.
module.exports = require('axios');
