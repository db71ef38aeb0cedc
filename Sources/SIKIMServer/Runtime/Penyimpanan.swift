import SIKIMCore
import SIKIMData
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import PostgresNIO
import SQLiteNIO
#if canImport(Glibc)
import Glibc
#endif

/// Whether the data directory can still keep what the server acknowledges. A SQLite file that
/// was deleted or replaced while serving still takes writes through the open handle, into a
/// file no restart will see; a read-only one refuses them. Either way `/healthz` answers 503 and
/// no write is acknowledged (`PenjagaPenyimpanan`).
final class Penyimpanan: Sendable {
    /// The SQLite file, or nil on PostgreSQL (whose storage is the server's business).
    let berkas: String?
    let direktori: String
    /// The file's identity (device, inode) when it was opened and migrated.
    private let identitas = NIOLockedValueBox<(UInt64, UInt64)?>(nil)

    init(_ k: Konfigurasi) {
        (berkas, direktori) = (k.databaseURL == nil ? k.berkasSQLite : nil, k.direktoriData)
    }

    /// Upload folders of the data directory (`PenyimpanBerkas`).
    static let folderUnggahan = ["foto", "lampiran", "dokumen", "kegiatan", "diseminasi"]

    /// Remembers the file the server uses, once it exists.
    func tandai() {
        guard let berkas else { return }
        identitas.withLockedValue { $0 = Self.identitas(berkas) }
    }

    enum Masalah: String, Sendable {
        case hilang = "hilang"
        case diganti = "diganti"
        case tidakDapatDitulis = "tidak dapat ditulis"
    }

    /// What is wrong with the storage, or nil when writes can be kept: two system calls, cheap
    /// enough for every write request.
    func masalah() -> Masalah? {
        guard access(direktori, W_OK) == 0 else { return access(direktori, F_OK) == 0 ? .tidakDapatDitulis : .hilang }
        guard let berkas else { return nil }
        guard let kini = Self.identitas(berkas) else { return .hilang }
        if let awal = identitas.withLockedValue({ $0 }), awal != kini { return .diganti }
        guard access(berkas, W_OK) == 0 else { return .tidakDapatDitulis }
        return nil
    }

    /// A data directory that holds uploads but no database lost its database: starting afresh
    /// there would silently forget every acknowledged laporan. Refused unless asked for.
    func periksaSebelumMembuat(izinkanBaru: Bool) throws {
        guard let berkas, !FileManager.default.fileExists(atPath: berkas), !izinkanBaru else { return }
        let ada = Self.folderUnggahan.filter { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: direktori + "/" + folder)) ?? []).contains { !$0.hasPrefix(".") }
        }
        guard ada.isEmpty else {
            throw KesalahanPerintah("""
                Direktori data \(direktori) berisi berkas unggahan (\(ada.joined(separator: ", "))) tetapi tidak berisi basis data \
                \(berkas). Basis data mungkin hilang: pulihkan dari cadangan (sikim restore). Untuk sengaja memulai basis data \
                baru di direktori ini, jalankan dengan SIKIM_BASIS_DATA_BARU=ya.
                """)
        }
    }

    private static func identitas(_ jalur: String) -> (UInt64, UInt64)? {
        var s = stat()
        guard stat(jalur, &s) == 0 else { return nil }
        return (UInt64(s.st_dev), UInt64(s.st_ino))
    }

    /// A write refused because the storage is read-only (a SQLite file or directory without
    /// write permission, or a PostgreSQL standby).
    static func hanyaBaca(_ e: any Error) -> Bool {
        if let s = e as? SQLiteError {
            switch s.reason {
            case .readOnly, .readonlyInRecovery, .readonlyCantLock, .readonlyInRollback, .readonlyBackingMoved, .readonlyDirectory,
                 .cantOpen, .ioErrorFailedWrite:
                return true
            default: return false
            }
        }
        if let p = e as? PSQLError, p.serverInfo?[.sqlState] == PostgresError.Code.readOnlySqlTransaction.raw { return true }
        return false
    }

    static let pesanHanyaBaca = "Penyimpanan server sedang tidak dapat ditulisi, sehingga perubahan tidak dapat disimpan. Data yang Anda isi belum terkirim; coba lagi nanti atau hubungi admin Diskominfosatik."
}
