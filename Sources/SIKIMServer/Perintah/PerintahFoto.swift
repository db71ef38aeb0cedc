import ConsoleKitTerminal
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

struct PerintahFoto: AsyncCommandGroup {
    var help: String { "Mengelola foto tersimpan: bersihkan." }
    var commands: [String: any AnyAsyncCommand] { ["bersihkan": BersihkanFotoTersimpan()] }
}

/// Strips metadata from every stored picture (start-up does it once after an upgrade).
struct BersihkanFotoTersimpan: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Menghapus metadata (lokasi GPS, perangkat, pembuat) dari semua foto tersimpan." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        let n = try await BersihkanFoto(db: app.db, direktoriData: app.sikim.direktoriData, jam: app.jam).semua()
        context.console.print("Metadata dihapus dari \(n) foto.")
    }
}
