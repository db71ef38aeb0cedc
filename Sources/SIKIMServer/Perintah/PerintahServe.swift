import ConsoleKitTerminal
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

/// `serve`: prepares the database and the first admin, then runs Vapor's server command
/// (so `--hostname` and `--port` work as usual).
struct PerintahServe: AnyAsyncCommand {
    let dalam: any AnyAsyncCommand
    var help: String { "Menyiapkan basis data lalu menjalankan server SIKIM." }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        let r = try await Persiapan.siapkanBasisData(app)
        if r.wilayahDitambah > 0 { context.console.print("Data wilayah dimuat: \(r.wilayahDitambah) wilayah baru.") }
        if let sandi = try await Persiapan.pastikanAdmin(app) {
            cetakAdminBaru(sandi, console: context.console)
        }
        PekerjaanLatar.mulai(app)
        try await dalam.run(using: &context)
    }

    func outputHelp(using context: inout CommandContext) throws { try dalam.outputHelp(using: &context) }
    func outputAutoComplete(using context: inout CommandContext) throws { try dalam.outputAutoComplete(using: &context) }
    func renderCompletionFunctions(using context: CommandContext, shell: Shell) -> String {
        dalam.renderCompletionFunctions(using: context, shell: shell)
    }
}

func cetakAdminBaru(_ sandi: String, console: any Console) {
    console.print("""
    ================================================================
    Akun admin pertama dibuat.
      Nama pengguna : admin
      Kata sandi    : \(sandi)
    Simpan kata sandi ini sekarang: kata sandi ini tidak akan ditampilkan lagi.
    ================================================================
    """)
    fflush(nil) // every stream: the password must reach a piped console before serving starts
}
