import Fluent
import Foundation
import SIKIMCore
import SIKIMData
import SQLKit
import XCTest
import XCTVapor
@testable import SIKIMServer

/// A database made by the last release before the redesign (`1bfee0d`: migrations M001–M032,
/// an admin and a verifikator, two KIMs with lifecycle steps, three laporan with their audit
/// chains, a kegiatan, a materi) upgrades in place. The fixtures are that release's own dumps:
/// `sqlite3 .dump` and `pg_dump --inserts`, in `Tests/Fixtures/migrasi`.
final class MigrasiLamaTests: XCTestCase {
    func testBasisDataRilisLamaDiperbaruiDiTempat() async throws {
        // setup: the old database, loaded statement by statement into an empty one
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sikim-lama-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            try configure(app, Konfigurasi(direktoriData: dir, databaseURL: Uji.databaseURL, biayaBcrypt: 4), jam: JamUji().jam)
            let sql = app.db as! any SQLDatabase
            if Uji.databaseURL != nil {
                try await sql.raw("DROP SCHEMA public CASCADE").run()
                try await sql.raw("CREATE SCHEMA public").run()
            }
            for p in try Self.pernyataan(Uji.databaseURL == nil ? "1bfee0d-sqlite.sql" : "1bfee0d-postgres.sql") {
                try await sql.raw(SQLQueryString(p)).run()
            }

            // act
            _ = try await Persiapan.siapkanBasisData(app)

            // check: every migration ran once, the old rows are whole and work as new ones do
            let nama = try await sql.select().column("name").from("_fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) }
            XCTAssertEqual(Set(nama), Set(Migrasi.semua.map(\.name)))
            XCTAssertEqual(nama.count, Migrasi.semua.count)
            let (rusak, jumlah) = try await LayananLaporan(l: app.lingkungan).periksaAudit()
            XCTAssertEqual(rusak, [])
            XCTAssertEqual(jumlah, 3)
            let kim = try await KimModel.query(on: app.db).sort(\.$kodeWilayah).all()
            XCTAssertEqual(kim.map(\.versi), [0, 0])
            let urutan = try await TransisiKimModel.query(on: app.db).filter(\.$kim.$id == kim[1].id!).sort(\.$urutan).all().map(\.urutan)
            XCTAssertEqual(urutan, [0, 1, 2, 3], "formed, submitted, legalised twice")
            let kegiatan = try await KegiatanModel.query(on: app.db).count()
            XCTAssertEqual(kegiatan, 1)
            let penerima = try await PenerimaMateriModel.query(on: app.db).count()
            XCTAssertEqual(penerima, 1, "the active KIM received the materi")

            let admin = try await KlienAPI.masuk(app, "admin", "adminlama12345")
            let daftar = try await admin.kirim(.GET, "/api/v1/laporan")
            XCTAssertEqual(try daftar.data().count, 3)
            let verif = try await KlienAPI.masuk(app, "verif", "veriflama12345")
            let valid = try XCTUnwrap(try daftar.data().first { $0["status"] as? String == "valid" })
            let teruskan = try await verif.kirim(.POST, "/api/v1/laporan/\(valid["id"]!)/transisi",
                                                 json: #"{"ke":"diteruskan","opd":["dlh"],"catatan":"mohon","versi":\#(valid["versi"]!)}"#)
            XCTAssertEqual(teruskan.status, .ok, teruskan.body.string)
            let usang = try await verif.kirim(.POST, "/api/v1/laporan/\(valid["id"]!)/transisi",
                                              json: #"{"ke":"dipublikasikan","versi":\#(valid["versi"]!)}"#)
            XCTAssertEqual(usang.status, .conflict, "a change decided from the old version")
            let akhir = try await LayananLaporan(l: app.lingkungan).periksaAudit().rusak
            XCTAssertEqual(akhir, [])
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// The dump's statements: each ends with `;` at the end of a line (no value in these dumps
    /// holds a line break). Every table first: SQLite checks a row's foreign keys on insert,
    /// and its dump lists a table's rows before the tables created after it.
    static func pernyataan(_ berkas: String) throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/migrasi/\(berkas)")
        var hasil: [String] = [], kini = ""
        for baris in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if kini.isEmpty && baris.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            kini += baris + "\n"
            if baris.hasSuffix(";") {
                hasil.append(kini)
                kini = ""
            }
        }
        let tabel = hasil.filter { $0.hasPrefix("CREATE TABLE") }
        return tabel + hasil.filter { !$0.hasPrefix("CREATE TABLE") }
    }
}
