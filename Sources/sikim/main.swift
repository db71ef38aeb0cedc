import Foundation
import SIKIMServer
import Vapor

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
