import ConsoleKitTerminal
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

/// `sikim backup <berkas>`: a consistent copy of the SQLite database, safe while serving.
struct PerintahCadangan: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "berkas", help: "Berkas tujuan (belum ada)") var berkas: String
    }
    var help: String { "Mencadangkan basis data SQLite (boleh saat server berjalan)." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        do {
            try await Cadangan.cadangkan(context.application.db, ke: s.berkas)
        } catch let e as Cadangan.Kesalahan {
            throw KesalahanPerintah(e.pesan)
        }
        context.console.print("Cadangan tersimpan di \(s.berkas).")
    }
}
