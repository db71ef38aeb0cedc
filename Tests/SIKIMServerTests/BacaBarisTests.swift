import SIKIMData
import Fluent
import SQLKit
import XCTest
import XCTVapor
@testable import SIKIMServer

/// `Database.baris`: a read turned into values row by row, on both databases.
final class BacaBarisTests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    struct Kecamatan: Equatable { let kode: String; let nama: String }

    func testBarisSamaDenganQueryFluent() async throws {
        // setup: the regions loaded at start
        let fluent = try await WilayahModel.query(on: app.db).filter(\.$tingkat == "kecamatan").sort(\.$id).all()
            .map { Kecamatan(kode: $0.id!, nama: $0.nama) }
        // act
        let baris = try await app.db.baris("SELECT kode, nama FROM wilayah WHERE tingkat = \(bind: "kecamatan") ORDER BY kode") { r in
            Kecamatan(kode: try r.decode(column: "kode", as: String.self), nama: try r.decode(column: "nama", as: String.self))
        }
        // check: the same 29 rows, in order
        XCTAssertEqual(baris.count, 29)
        XCTAssertEqual(baris, fluent)
    }

    /// Each type read from a row, null optionals too, equals what Fluent reads from it.
    func testSetiapTipeSamaDenganFluent() async throws {
        // setup: an operator with an area and no KIM, never signed in; the admin with neither
        let op = try await Uji.pengguna(app, "opkec", .operatorKecamatan, wilayah: "36.04.05")
        struct Akun: Equatable {
            let id: UUID; let username: String; let kodeWilayah: String?; let kimID: UUID?
            let aktif: Bool; let dibuatPada: Date; let terakhirMasuk: Date?
        }
        let fluent = try await PenggunaModel.query(on: app.db).sort(\.$username).all().map {
            Akun(id: $0.id!, username: $0.username, kodeWilayah: $0.kodeWilayah, kimID: $0.kimID, aktif: $0.aktif,
                 dibuatPada: $0.dibuatPada, terakhirMasuk: $0.terakhirMasuk)
        }
        // act
        let baris = try await app.db.baris("SELECT * FROM pengguna ORDER BY username") { r in
            Akun(id: try r.decode(column: "id"), username: try r.decode(column: "username"), kodeWilayah: try r.decode(column: "kode_wilayah"),
                 kimID: try r.decode(column: "kim_id"), aktif: try r.decode(column: "aktif"), dibuatPada: try r.decode(column: "dibuat_pada"),
                 terakhirMasuk: try r.decode(column: "terakhir_masuk"))
        }
        // check
        XCTAssertEqual(baris, fluent)
        XCTAssertEqual(baris.map(\.username), ["admin", "opkec"])
        XCTAssertEqual(baris.last?.kodeWilayah, op.kodeWilayah)
        XCTAssertNil(baris.last?.kimID)
        let lat = try await app.db.baris("SELECT lat FROM wilayah WHERE kode = \(bind: "36.04.05")") { r in try r.decode(column: "lat", as: Double.self) }
        XCTAssertEqual(lat, [-6.0401])
        do {
            _ = try await app.db.baris("SELECT kode FROM wilayah WHERE kode = \(bind: "36.04.05")") { r in try r.decode(column: "kode", as: Int?.self) }
            XCTFail("a code is not a number")
        } catch {}
    }

    /// An account read as a row (as the bearer token check does) is a stored model: saving it
    /// updates its row.
    func testModelDariBarisBisaDisimpan() async throws {
        // setup
        let dibaca = try await app.db.baris("SELECT * FROM pengguna WHERE username = \(bind: "admin")", PenggunaModel.init(baris:))
        let m = try XCTUnwrap(dibaca.first)
        let fluent = try await PenggunaModel.query(on: app.db).filter(\.$username == "admin").first()
        XCTAssertEqual(m.id, fluent?.id)
        XCTAssertEqual(try m.aktor(), try fluent?.aktor())
        // act
        m.nama = "Admin Kabupaten Serang"
        try await m.save(on: app.db)
        // check
        let semua = try await PenggunaModel.query(on: app.db).all()
        XCTAssertEqual(semua.count, 1)
        XCTAssertEqual(semua.first?.nama, "Admin Kabupaten Serang")
        XCTAssertEqual(semua.first?.hashKataSandi, fluent?.hashKataSandi)
    }

    /// The public list's page is a range of `laporan_publik_idx` (M032), not a walk past every
    /// unpublished laporan. SQLite's plan; PostgreSQL's planner picks by table statistics.
    func testDaftarPublikMemakaiIndeks() async throws {
        try XCTSkipIf(Uji.databaseURL != nil, "rencana kueri diperiksa pada SQLite")
        let rencana = try await app.db.baris("""
            EXPLAIN QUERY PLAN SELECT id FROM laporan WHERE dipublikasikan = \(bind: true) ORDER BY dibuat_pada DESC, id DESC LIMIT 51
            """) { r in try r.decode(column: "detail", as: String.self) }
        XCTAssertTrue(rencana.contains { $0.contains("laporan_publik_idx") }, "\(rencana)")
        XCTAssertFalse(rencana.contains { $0.contains("TEMP B-TREE") }, "\(rencana)")
    }

    func testNilDilewatiDanGalatDiteruskan() async throws {
        // act: keep only kecamatan codes ending in 0
        let kode = try await app.db.baris("SELECT kode FROM wilayah WHERE tingkat = \(bind: "kecamatan")") { r -> String? in
            let k = try r.decode(column: "kode", as: String.self)
            return k.hasSuffix("0") ? k : nil
        }
        // check
        XCTAssertEqual(Set(kode), ["36.04.20", "36.04.30"])
        // act: a column that is not there
        do {
            _ = try await app.db.baris("SELECT kode FROM wilayah") { r in try r.decode(column: "tidak_ada", as: String.self) }
            XCTFail("a missing column must throw")
        } catch {}
    }

    func testDalamTransaksiMelihatTulisanSendiri() async throws {
        // act: a row written in a transaction, read through `baris` inside it
        let n = try await app.db.transaction { db in
            try await (db as! any SQLDatabase).raw("UPDATE wilayah SET nama = \(bind: "Ciruas Baru") WHERE kode = \(bind: "36.04.05")").run()
            return try await db.baris("SELECT nama FROM wilayah WHERE kode = \(bind: "36.04.05")") { r in try r.decode(column: "nama", as: String.self) }
        }
        // check
        XCTAssertEqual(n, ["Ciruas Baru"])
    }
}

final class UUIDTeksTests: XCTestCase {
    /// The digit-by-digit parser accepts and rejects exactly what Foundation's does.
    func testSamaDenganFoundation() {
        var contoh = (0..<200).map { _ in UUID().uuidString }
        contoh += contoh.prefix(50).map { $0.lowercased() }
        contoh += ["", "0", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8-C36C-495A-93FC-0C247A3E6E5F0",
                   "E621E1F8C36C-495A-93FC-0C247A3E6E5FF", "G621E1F8-C36C-495A-93FC-0C247A3E6E5F", "{E621E1F8-C36C-495A-93FC-0C247A3E6E5}",
                   "E621E1F8-C36C-495A-93FC_0C247A3E6E5F", "e621e1f8-c36c-495a-93fc-0c247a3e6e5f", "E621E1F8-C36C-495A-93FC-0C247A3E6É5",
                   "------------------------------------", "00000000-0000-0000-0000-000000000000"]
        for s in contoh {
            XCTAssertEqual(UUID(teks: s), UUID(uuidString: s), s)
        }
    }
}
