import SIKIMCore
import SIKIMData
import Fluent
import Foundation
import Vapor

/// First-run work, done by `serve` and `migrate`: migrate, load the regions, make sure an
/// admin exists. Each step is idempotent, so every start may run it.
public enum Persiapan {
    public struct Ringkasan: Sendable {
        public let wilayahDitambah: Int
        public let wilayahDiubah: Int
    }

    public static func siapkanBasisData(_ app: Application) async throws -> Ringkasan {
        try app.penyimpanan.periksaSebelumMembuat(izinkanBaru: app.sikim.izinkanBasisDataBaru)
        try await Cadangan.aturJurnal(app.db)
        app.penyimpanan.tandai()
        try await app.autoMigrate()
        let wilayah = LayananWilayah(l: app.lingkungan)
        let h = try await wilayah.muat(try wilayah.dariBerkasBawaan())
        if let n = try await BersihkanFoto(db: app.db, direktoriData: app.sikim.direktoriData, jam: app.jam).sekaliSaja(), n > 0 {
            app.logger.notice("Metadata dihapus dari \(n) foto yang tersimpan sebelum pembaruan ini.")
        }
        return Ringkasan(wilayahDitambah: h.ditambah, wilayahDiubah: h.diubah)
    }

    /// Creates the first admin when there is none; returns the password if it was generated.
    public static func pastikanAdmin(_ app: Application) async throws -> String? {
        try await LayananAkun(l: app.lingkungan)
            .pastikanAdmin(kataSandi: app.sikim.kataSandiAdmin)
    }
}
