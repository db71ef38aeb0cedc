import SIKIMCore
import SIKIMData
import Fluent
import Foundation
import SQLKit
import SQLiteNIO
import Vapor

/// SQLite durability settings, and backup and restore of the SQLite database.
enum Cadangan {
    enum Kesalahan: Error, Equatable {
        case bukanSQLite
        case berkasSudahAda(String)
        case berkasTidakAda(String)
        case bukanCadanganSIKIM(String)
        case rusak(String)

        var pesan: String {
            switch self {
            case .bukanSQLite:
                "Pencadangan ini untuk SQLite. Untuk PostgreSQL gunakan pg_dump (lihat README, bagian Cadangan)."
            case .berkasSudahAda(let f): "Berkas \(f) sudah ada; pilih nama lain agar tidak tertimpa."
            case .berkasTidakAda(let f): "Berkas \(f) tidak ditemukan."
            case .bukanCadanganSIKIM(let f): "Berkas \(f) bukan basis data SIKIM."
            case .rusak(let f): "Berkas \(f) rusak (pemeriksaan integritas SQLite gagal)."
            }
        }
    }

    /// WAL lets readers (and a backup) run while one writer commits; with `synchronous=FULL`
    /// (SQLite's default, checked by a test) a commit is on disk before it is acknowledged.
    static func aturJurnal(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
    }

    /// A consistent copy of the live database, taken inside one read transaction
    /// (`VACUUM INTO`), so the server may keep serving and writing meanwhile.
    static func cadangkan(_ db: any Database, ke tujuan: String) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { throw Kesalahan.bukanSQLite }
        guard !FileManager.default.fileExists(atPath: tujuan) else { throw Kesalahan.berkasSudahAda(tujuan) }
        try await sql.raw("VACUUM INTO \(bind: tujuan)").run()
    }

    /// Replaces the database file with a checked backup. The server must be stopped: the old
    /// file and its WAL are moved aside (kept as `.sebelum-pulih`) rather than deleted.
    static func pulihkan(dari sumber: String, ke berkas: String) async throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: sumber) else { throw Kesalahan.berkasTidakAda(sumber) }
        try await periksa(sumber)
        let sementara = berkas + ".pulih-\(UUID().uuidString)"
        try fm.copyItem(atPath: sumber, toPath: sementara)
        for akhiran in ["", "-wal", "-shm"] where fm.fileExists(atPath: berkas + akhiran) {
            let lama = berkas + akhiran + ".sebelum-pulih"
            try? fm.removeItem(atPath: lama)
            try fm.moveItem(atPath: berkas + akhiran, toPath: lama)
        }
        // rename(2) is atomic: the database is either the old one or the restored one.
        guard rename(sementara, berkas) == 0 else { throw Kesalahan.rusak(sumber) }
    }

    /// The file is an SQLite database that passes `integrity_check` and holds SIKIM's tables.
    static func periksa(_ berkas: String) async throws {
        let c = try await SQLiteConnection.open(storage: .file(path: berkas))
        let utuh = try? await c.query("PRAGMA integrity_check", []).first?.column("integrity_check")?.string
        let migrasi = try? await c.query("SELECT COUNT(*) AS n FROM _fluent_migrations", []).first?.column("n")?.integer
        try await c.close()
        guard utuh != nil, let migrasi, migrasi > 0 else { throw Kesalahan.bukanCadanganSIKIM(berkas) }
        guard utuh == "ok" else { throw Kesalahan.rusak(berkas) }
    }
}
