import ConsoleKitTerminal
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

struct PerintahToken: AsyncCommandGroup {
    var help: String { "Mengelola token API: create." }
    var commands: [String: any AnyAsyncCommand] { ["create": BuatToken()] }
}

struct BuatToken: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username") var username: String?
        @Option(name: "name", help: "Label token") var nama: String?
    }
    var help: String { "Menerbitkan token API baru untuk seorang pengguna dan mencetaknya sekali." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let username = s.username else { throw KesalahanPerintah("--username wajib diisi.") }
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        let m = try await cariPengguna(username, app: app)
        let (_, token) = try await LayananToken(l: app.lingkungan).terbitkan(untuk: m, nama: s.nama ?? "Token dari baris perintah")
        context.console.print(token)
    }
}
