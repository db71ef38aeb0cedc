import SIKIMData
import Fluent
import SQLKit
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Plain-SQL inserts store what Fluent's `create` stores, column for column, on both databases.
final class SisipanCepatTests: XCTestCase {
    var app: Application!

    var akun: UUID!

    override func setUp() async throws {
        app = try await Uji.app()
        akun = try await PenggunaModel.query(on: app.db).first()?.requireID()
    }
    override func tearDown() async throws { try await Uji.tutup(app) }

    private func laporan(_ nomor: String) -> LaporanModel {
        let m = LaporanModel()
        (m.id, m.nomor, m.judul, m.isi, m.kodeKategori, m.kodeWilayah) = (UUID(), nomor, "Jalan \"rusak\"", "Lubang\nbesar", "infrastruktur", "36.04.05.2001")
        (m.kimID, m.namaKim, m.pelaporID, m.namaPelapor) = (nil, nil, akun, "Siti")
        (m.lat, m.lon, m.alamat, m.waktuKejadian) = (-6.0612, 106.1234, nil, Date(timeIntervalSince1970: 1_773_716_400.25))
        (m.sumber, m.kerahasiaan, m.jawabanJSON) = ("pengamatan_langsung", "biasa", #"{"a":["b"]}"#)
        (m.status, m.dipublikasikan, m.kunciIdempotensi, m.versi) = ("masuk", false, nil, 0)
        (m.dibuatPada, m.diubahPada) = (Date(timeIntervalSince1970: 1_773_720_000.5), Date(timeIntervalSince1970: 1_773_720_000.5))
        (m.kanal, m.ditulisPada) = ("aplikasi_luring", Date(timeIntervalSince1970: 1_773_719_000.75))
        m.nomorPengirim = "+6281234567890"
        return m
    }

    /// Each column read back as text, number or NULL: a value stored with another type differs.
    private func kolom(_ nomor: String) async throws -> [String: String] {
        let sql = try XCTUnwrap(app.db as? any SQLDatabase)
        let baris = try await sql.raw("SELECT * FROM laporan WHERE nomor = \(bind: nomor)").first()
        let b = try XCTUnwrap(baris)
        var hasil: [String: String] = [:]
        for k in b.allColumns where k != "id" && k != "nomor" {
            hasil[k] = try b.decodeNil(column: k) ? "NULL"
                : (try? b.decode(column: k, as: Double.self)).map { "angka \($0)" } ?? "teks \(try b.decode(column: k, as: String.self))"
        }
        return hasil
    }

    func testSamaDenganCreateFluent() async throws {
        // setup
        let fluent = laporan("LAP-2026-900001"), cepat = laporan("LAP-2026-900002")
        // act
        try await fluent.create(on: app.db)
        try await [cepat].sisipkan(on: app.db)
        // check
        let (a, b) = (try await kolom(fluent.nomor), try await kolom(cepat.nomor))
        XCTAssertEqual(a.count, 28)
        XCTAssertEqual(a, b)
        XCTAssertTrue(cepat.$id.exists)
        let dibaca = try await LaporanModel.find(cepat.id, on: app.db)
        XCTAssertEqual(dibaca?.waktuKejadian, cepat.waktuKejadian)
    }

    /// Many rows: one statement per 500, each row with its own random id.
    func testBanyakBarisBerIdSendiri() async throws {
        // setup
        let baris = (0..<1_203).map { i in
            let n = NotifikasiModel()
            (n.penggunaID, n.judul, n.tautan, n.dibaca, n.dibuatPada) = (akun, "Pesan \(i)", "/laporan", false, Date())
            return n
        }
        // act
        try await baris.sisipkan(on: app.db)
        // check
        let jumlah = try await NotifikasiModel.query(on: app.db).filter(\.$penggunaID == akun).count()
        XCTAssertEqual(jumlah, 1_203)
        XCTAssertEqual(Set(baris.compactMap(\.id)).count, 1_203)
    }
}
