// Stands in for `streamroller` (with fs-extra, graceful-fs, jsonfile and universalify, ~40 KiB) in
// dist/vendor/log4js.js. Only log4js's `file` and `dateFile` appenders use it, and log4js requires them eagerly
// but builds an appender only when a category uses it. Nothing configures one: src/services/coreSdk.ts routes
// every category to `stdout` with level `off`; the signing SDK declares a `dateFile` appender no category uses;
// esdk-obs-nodejs adds a `file` appender only in initLog, which this product never calls. If a file appender is
// ever used, its stream's constructor throws this error: then bundle the real streamroller again (remove it from
// scripts/build.mjs's stand-ins).
'use strict';

class FileLoggingUnavailable {
  constructor() {
    throw new Error('log4js file appenders are not bundled with the extension (scripts/standIns/streamroller.cjs)');
  }
}

module.exports = {
  RollingFileWriteStream: FileLoggingUnavailable,
  RollingFileStream: FileLoggingUnavailable,
  DateRollingFileStream: FileLoggingUnavailable,
};
