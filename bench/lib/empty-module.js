// Deliberately empty: `node bench/lib/empty-module.js` is the floor for any ESM command-line tool
// (Node's start-up plus its ES module loader), beside `node -e 0`, which skips that loader.
