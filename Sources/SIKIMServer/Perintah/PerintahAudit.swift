import ConsoleKitTerminal
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

struct PerintahAudit: AsyncCommandGroup {
    var help: String { "Memeriksa jejak audit: verify." }
    var commands: [String: any AnyAsyncCommand] { ["verify": PeriksaAudit()] }
}

/// Recomputes every laporan's hash chain; exits non-zero and names the laporan whose
/// history was altered in the database.
struct PeriksaAudit: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Memeriksa rantai hash riwayat setiap laporan." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        let (rusak, jumlah) = try await LayananLaporan(l: app.lingkungan).periksaAudit()
        guard rusak.isEmpty else {
            throw KesalahanPerintah("Riwayat \(rusak.count) laporan telah diubah di basis data: \(rusak.joined(separator: ", "))")
        }
        context.console.print("Jejak audit utuh: \(jumlah) laporan diperiksa.")
    }
}
