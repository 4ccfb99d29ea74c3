// Stands in for `mime-types` (and the 134 KiB `mime-db` it loads) in dist/vendor/sdk-core.js. Only form-data
// uses it, to guess the Content-Type of a multipart part from a file name; form-data is reached only through
// axios and the signing SDK, and only for a `multipart/form-data` body. Every request of ours is JSON
// (application/json, or application/merge-patch+json for pools: src/services/signedClient.ts), so no part is ever
// built. If a request ever sends multipart with a file part, this throws at once instead of guessing a wrong type:
// then bundle the real mime-types again (remove it from scripts/build.mjs's stand-ins).
'use strict';

function unavailable() {
  throw new Error('mime-types is not bundled with the extension: multipart requests are not supported (scripts/standIns/mimeTypes.cjs)');
}

module.exports = { lookup: unavailable, contentType: unavailable, extension: unavailable, charset: unavailable, extensions: {}, types: {} };
