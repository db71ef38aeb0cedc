import ConsoleKitTerminal
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

/// A command failure with an Indonesian message for the console.
public struct KesalahanPerintah: Error, CustomStringConvertible {
    public let description: String
    init(_ pesan: String) { description = pesan }

    init(_ e: KesalahanIsian) {
        description = e.butir.map(\.pesan).joined(separator: "\n")
    }
}

/// Registers SIKIM's commands next to Vapor's own.
public func daftarkanPerintah(_ app: Application) async {
    app.asyncCommands.use(PerintahServe(dalam: await app.servers.asyncCommand), as: "serve", isDefault: true)
    app.asyncCommands.use(PerintahMigrasi(), as: "migrate")
    app.asyncCommands.use(PerintahPengguna(), as: "user")
    app.asyncCommands.use(PerintahToken(), as: "token")
    app.asyncCommands.use(PerintahAudit(), as: "audit")
    app.asyncCommands.use(PerintahFoto(), as: "foto")
    app.asyncCommands.use(PerintahSMS(), as: "sms")
    app.asyncCommands.use(PerintahDemo(), as: "demo")
    app.asyncCommands.use(PerintahCadangan(), as: "backup")
    app.asyncCommands.use(PerintahPulihkan(), as: "restore")
}

/// The account a command names by its username.
func cariPengguna(_ username: String, app: Application) async throws -> PenggunaModel {
    let u = username.trimmingCharacters(in: .whitespaces).lowercased()
    guard let m = try await LayananAkun(l: app.lingkungan).cari(username: u) else {
        throw KesalahanPerintah("Pengguna \(u) tidak ditemukan.")
    }
    return m
}
