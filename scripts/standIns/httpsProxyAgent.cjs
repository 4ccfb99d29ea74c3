// What the extension bundle imports as `https-proxy-agent`: the one copy is dist/vendor/https-proxy-agent.js,
// shared with the signing SDK, required at the first proxied OBS client rather than at activation.
'use strict';

module.exports = function createHttpsProxyAgent(options) {
  return require('./vendor/https-proxy-agent.js')(options);
};
