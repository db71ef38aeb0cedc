import SIKIMData
import Fluent
import Foundation
import SQLKit
import SQLiteNIO
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Backup and restore of the SQLite database, and the journal settings that make an
/// acknowledged write durable. PostgreSQL is backed up with pg_dump instead.
final class CadanganTests: XCTestCase {
    var app: Application!
    var dir: String!

    override func setUp() async throws {
        try XCTSkipIf(Uji.databaseURL != nil, "pencadangan khusus SQLite; PostgreSQL memakai pg_dump")
        app = try await Uji.app()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("sikim-cadangan-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() async throws {
        if let app { try await Uji.tutup(app) }
        if let dir { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// Every row of every table, as text, per table.
    private func isi(_ berkas: String) async throws -> [String: [String]] {
        let c = try await SQLiteConnection.open(storage: .file(path: berkas))
        var hasil: [String: [String]] = [:]
        let tabel = try await c.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", []).compactMap { $0.column("name")?.string }
        for t in tabel {
            hasil[t] = try await c.query("SELECT * FROM \"\(t)\"", []).map(\.description).sorted()
        }
        try await c.close()
        return hasil
    }

    func testJurnalWALDanSinkronPenuh() async throws {
        let sql = try XCTUnwrap(app.db as? any SQLDatabase)
        let jurnal = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        let sinkron = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
        XCTAssertEqual(jurnal, "wal")
        XCTAssertEqual(sinkron, 2, "synchronous=FULL: commit di disk sebelum dijawab")
    }

    func testCadangkanLaluPulihkanSamaPersisSaatDicadangkan() async throws {
        // setup: data in several tables
        try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.pengguna(app, "operator.cadangan", .operatorKecamatan, wilayah: "36.04.05")
        let cadangan = dir + "/cadangan.sqlite"

        // act: back up while the app is open, then keep writing
        try await Cadangan.cadangkan(app.db, ke: cadangan)
        let saatDicadangkan = try await isi(app.sikim.berkasSQLite)
        try await Uji.kim(app, "36.04.05.2002")
        let tujuan = dir + "/pulih/sikim.sqlite"
        try FileManager.default.createDirectory(atPath: dir + "/pulih", withIntermediateDirectories: true)
        try await Cadangan.pulihkan(dari: cadangan, ke: tujuan)

        // check: every table's content equals the moment of the backup
        let pulih = try await isi(tujuan)
        XCTAssertEqual(Set(pulih.keys), Set(saatDicadangkan.keys))
        XCTAssertGreaterThan(saatDicadangkan.count, 20)
        for (tabel, baris) in saatDicadangkan {
            XCTAssertEqual(pulih[tabel], baris, tabel)
        }
        XCTAssertEqual(pulih["kim"]?.count, 1)
        XCTAssertEqual(pulih["pengurus"]?.count, 3)
        XCTAssertEqual(pulih["wilayah"]?.count, 356)
    }

    func testCadanganTidakMenimpaDanPemulihanMenolakBerkasAsing() async throws {
        let cadangan = dir + "/cadangan.sqlite"
        try await Cadangan.cadangkan(app.db, ke: cadangan)
        do {
            try await Cadangan.cadangkan(app.db, ke: cadangan)
            XCTFail("berkas yang ada tidak boleh ditimpa")
        } catch let e as Cadangan.Kesalahan {
            XCTAssertEqual(e, .berkasSudahAda(cadangan))
        }

        let asing = dir + "/bukan.sqlite"
        try Data("ini bukan basis data".utf8).write(to: URL(fileURLWithPath: asing))
        let tujuan = dir + "/tetap.sqlite"
        try FileManager.default.copyItem(atPath: cadangan, toPath: tujuan)
        let sebelum = try Data(contentsOf: URL(fileURLWithPath: tujuan))
        do {
            try await Cadangan.pulihkan(dari: asing, ke: tujuan)
            XCTFail("berkas asing tidak boleh dipulihkan")
        } catch let e as Cadangan.Kesalahan {
            XCTAssertEqual(e, .bukanCadanganSIKIM(asing))
            XCTAssertTrue(e.pesan.contains("bukan basis data SIKIM"))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: tujuan)), sebelum, "basis data lama tetap utuh")
    }
}
