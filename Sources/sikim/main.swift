import Foundation
import SIKIMServer
import Vapor
#if canImport(Glibc)
import Glibc

// glibc gives each thread that allocates its own heap arena (up to 8 per core), and an arena
// keeps its freed pages: with NIO's and the database's threads this doubled peak RSS under
// load. Two arenas measured the same throughput (README, Performance). An explicit
// MALLOC_ARENA_MAX in the environment still wins.
// (`mallopt` is in malloc.h, which the Glibc module does not import.)
if ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil, let f = dlsym(dlopen(nil, RTLD_NOW), "mallopt") {
    let mallopt = unsafeBitCast(f, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(-8 /* M_ARENA_MAX */, 2)
}
#endif

var env = try Environment.detect()
try LoggingSystem.bootstrap(from: &env)
let app = try await Application.make(env)
var gagal = false
do {
    try configure(app, Konfigurasi.dariLingkungan())
    await daftarkanPerintah(app)
    try await app.execute()
} catch let e as KesalahanPerintah {
    FileHandle.standardError.write(Data("Kesalahan: \(e.description)\n".utf8))
    gagal = true
} catch {
    app.logger.report(error: error)
    gagal = true
}
try await app.asyncShutdown()
exit(gagal ? 1 : 0)
