import ConsoleKitTerminal
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

struct PerintahMigrasi: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Menjalankan migrasi basis data dan memuat data wilayah (tanpa bertanya)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let r = try await Persiapan.siapkanBasisData(context.application)
        context.console.print("Migrasi selesai. Wilayah ditambah: \(r.wilayahDitambah), diperbarui: \(r.wilayahDiubah).")
    }
}
