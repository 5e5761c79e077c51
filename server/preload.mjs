// Loaded by `npm start` before tsx (`node --import ./server/preload.mjs --import tsx server/main.ts`),
// and by bench/server.ts's start-up child the same way.
//
// WHY plain JavaScript, ahead of tsx: once tsx's hooks are installed, every ES module goes through its
// loader thread, which rewrites each module's dynamic `import()` calls, appends a source map and keeps a
// copy of the source. PGlite's JavaScript is about 1 MB of prebuilt code full of dynamic imports, and
// that treatment cost the process about 45 MB resident (warm start, measured with bench/server.ts's
// child: median 298 MB through tsx, 254 MB with this preload). PGlite needs no transpiling; loaded
// here, Node's own loader takes it and the server's later imports of these specifiers hit the module
// cache. Only the modules a start needs are listed (nodefs is what PGlite imports for a data folder).
await import('@electric-sql/pglite')
await import('@electric-sql/pglite/contrib/pgcrypto')
await import('@electric-sql/pglite/nodefs')
