import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

final class WilayahTests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func testMuatWilayahLengkapDanIdempoten() async throws {
        // setup: the first run loaded the regions
        let hitung = { (t: Tingkat) in try await WilayahModel.query(on: self.app.db).filter(\.$tingkat == t.rawValue).count() }
        let kab = try await hitung(.kabupaten), kec = try await hitung(.kecamatan), desa = try await hitung(.desa)
        XCTAssertEqual([kab, kec, desa], [1, 29, 326])
        // act: load again
        let kedua = try await Persiapan.siapkanBasisData(app)
        // check: nothing changed
        XCTAssertEqual(kedua.wilayahDitambah, 0)
        XCTAssertEqual(kedua.wilayahDiubah, 0)
        let total = try await WilayahModel.query(on: app.db).count()
        XCTAssertEqual(total, 356)
    }

    func testMuatUlangMemperbaikiNamaYangBerubah() async throws {
        let mAda = try await WilayahModel.find("36.04.20.2001", on: app.db)
        let m = try XCTUnwrap(mAda)
        m.nama = "Tanjung Teja" // an older spelling
        try await m.update(on: app.db)
        let hasil = try await Persiapan.siapkanBasisData(app)
        XCTAssertEqual(hasil.wilayahDiubah, 1)
        let nama = try await WilayahModel.find("36.04.20.2001", on: app.db)?.nama
        XCTAssertEqual(nama, "Tunjung Teja")
    }

    func testHalamanKabupatenMenampilkan29Kecamatan() async throws {
        let res = try await app.sendRequest(.GET, "/wilayah")
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        XCTAssertTrue(html.contains(#"<dd id="jumlah-kecamatan">29</dd>"#))
        XCTAssertTrue(html.contains(#"<dd id="jumlah-desa">326</dd>"#))
        XCTAssertEqual(html.components(separatedBy: #"<td><a href="/wilayah/36.04."#).count - 1, 29)
        XCTAssertTrue(html.contains(#"<a href="/wilayah/36.04.33">Gunungsari</a>"#))
    }

    func testHalamanKecamatanMenampilkanDesanyaSaja() async throws {
        let desa = try await WilayahModel.query(on: app.db).filter(\.$kodeInduk == "36.04.05").all()
        XCTAssertEqual(desa.count, 15)
        let html = try await app.sendRequest(.GET, "/wilayah/36.04.05").body.string
        for d in desa { XCTAssertTrue(html.contains(#"<a href="/wilayah/\#(d.id!)">\#(d.nama)</a>"#), d.nama) }
        XCTAssertEqual(html.components(separatedBy: #"<td><a href="/wilayah/"#).count - 1, 15)
        XCTAssertFalse(html.contains("36.04.06.2001"))
    }

    func testKodeTidakDikenalMemberi404() async throws {
        for path in ["/wilayah/36.04.99", "/wilayah/bukan-kode", "/wilayah/36.04.05.9999"] {
            let res = try await app.sendRequest(.GET, path)
            XCTAssertEqual(res.status, .notFound, path)
            XCTAssertTrue(res.body.string.contains("tidak ditemukan"), path)
        }
        let api = try await app.sendRequest(.GET, "/api/v1/wilayah/36.04.99")
        XCTAssertEqual(api.status, .notFound)
        XCTAssertEqual(try api.kodeKesalahan(), "tidak_ditemukan")
        XCTAssertEqual(try api.pesanKesalahan(), "Wilayah dengan kode 36.04.99 tidak ditemukan.")
    }

    func testAPIDetailWilayah() async throws {
        let res = try await app.sendRequest(.GET, "/api/v1/wilayah/36.04.05")
        XCTAssertEqual(res.status, .ok)
        let j = try res.json()
        XCTAssertEqual(j["kode"] as? String, "36.04.05")
        XCTAssertEqual(j["nama"] as? String, "Kramatwatu")
        XCTAssertEqual(j["tingkat"] as? String, "kecamatan")
        XCTAssertEqual(j["kode_induk"] as? String, "36.04")
        XCTAssertEqual(j["lat"] as? Double, -6.0401)
        XCTAssertEqual(j["lon"] as? Double, 106.112759)
    }

    func testAPIDaftarDenganKursorMenelusuriSemuaDesa() async throws {
        var kode: [String] = []
        var kursor: String? = nil
        var halaman = 0
        repeat {
            let path = "/api/v1/wilayah?tingkat=desa&limit=100" + (kursor.map { "&cursor=\($0)" } ?? "")
            let res = try await app.sendRequest(.GET, path)
            XCTAssertEqual(res.status, .ok)
            kode += try res.data().compactMap { $0["kode"] as? String }
            kursor = try res.json()["next_cursor"] as? String
            halaman += 1
        } while kursor != nil && halaman < 10
        XCTAssertEqual(halaman, 4)
        XCTAssertEqual(kode.count, 326)
        XCTAssertEqual(Set(kode).count, 326)
        XCTAssertEqual(kode, kode.sorted())
    }

    func testAPIFilterInduk() async throws {
        let res = try await app.sendRequest(.GET, "/api/v1/wilayah?induk=36.04.05")
        let data = try res.data()
        XCTAssertEqual(data.count, 15)
        XCTAssertTrue(data.allSatisfy { $0["kode_induk"] as? String == "36.04.05" })
        XCTAssertTrue(try res.json()["next_cursor"] is NSNull)
        let kec = try await app.sendRequest(.GET, "/api/v1/wilayah?induk=36.04").data()
        XCTAssertEqual(kec.count, 29)
    }

    func testAPIParameterBurukMemberi400() async throws {
        let kasus: [(String, HTTPStatus, String)] = [
            ("/api/v1/wilayah?tingkat=provinsi", .badRequest, "parameter_tidak_valid"),
            ("/api/v1/wilayah?limit=0", .badRequest, "parameter_tidak_valid"),
            ("/api/v1/wilayah?limit=101", .badRequest, "parameter_tidak_valid"),
            ("/api/v1/wilayah?limit=abc", .badRequest, "parameter_tidak_valid"),
            ("/api/v1/wilayah?cursor=%25%25%25", .badRequest, "parameter_tidak_valid"),
            ("/api/v1/wilayah?induk=xx", .badRequest, "parameter_tidak_valid"),
            ("/api/v1/wilayah?induk=36.04.99", .notFound, "tidak_ditemukan"),
            ("/api/v1/tidak-ada", .notFound, "tidak_ditemukan"),
        ]
        for (path, status, kode) in kasus {
            let res = try await app.sendRequest(.GET, path)
            XCTAssertEqual(res.status, status, path)
            XCTAssertEqual(try res.kodeKesalahan(), kode, path)
            XCTAssertNotNil(try res.pesanKesalahan(), path)
        }
    }

    func testHealthzMelaporkanBasisData() async throws {
        let res = try await app.sendRequest(.GET, "/healthz")
        XCTAssertEqual(res.status, .ok)
        let db = try XCTUnwrap(try res.json()["basis_data"] as? [String: Any])
        XCTAssertEqual(db["status"] as? String, "ok")
        XCTAssertEqual(db["jenis"] as? String, Uji.databaseURL == nil ? "sqlite" : "postgresql")
    }
}
