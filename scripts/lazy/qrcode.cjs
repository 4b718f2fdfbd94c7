// Entry of dist/lazy/qrcode.js: the qrcode package, bundled apart from dist/extension.js and loaded on first use.
module.exports = require('qrcode');
