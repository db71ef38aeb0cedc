import ConsoleKitTerminal
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

/// `sikim restore <berkas>`: replaces the database with a checked backup; server stopped.
struct PerintahPulihkan: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "berkas", help: "Berkas cadangan dari `sikim backup`") var berkas: String
    }
    var help: String { "Memulihkan basis data SQLite dari cadangan. Hentikan server terlebih dahulu." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let k = context.application.sikim
        guard k.databaseURL == nil else { throw KesalahanPerintah(Cadangan.Kesalahan.bukanSQLite.pesan) }
        do {
            try await Cadangan.pulihkan(dari: s.berkas, ke: k.berkasSQLite)
        } catch let e as Cadangan.Kesalahan {
            throw KesalahanPerintah(e.pesan)
        }
        context.console.print("Basis data dipulihkan dari \(s.berkas). Berkas lama disimpan sebagai \(k.berkasSQLite).sebelum-pulih.")
    }
}
