// Entry of dist/lazy/otplib.js: the otplib package, bundled apart from dist/extension.js and loaded on first use.
module.exports = require('otplib');
