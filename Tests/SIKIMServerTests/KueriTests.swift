import SIKIMData
import XCTest
import XCTVapor
@testable import SIKIMServer

final class KueriTests: XCTestCase {
    func testUraiSepertiFormulirHTML() throws {
        let k = try Kueri("q=banjir+bandang&kode_wilayah=36.04.05&q=lagi&kosong=&tanda&nama=Pe%C3%B1a%26Co")
        XCTAssertEqual(k["q"], "banjir bandang", "+ is a space; the first value wins")
        XCTAssertEqual(k["kode_wilayah"], "36.04.05")
        XCTAssertEqual(k["kosong"], "")
        XCTAssertEqual(k["tanda"], "")
        XCTAssertEqual(k["nama"], "Peña&Co")
        XCTAssertNil(k["tidak_ada"])
        XCTAssertNil(try Kueri(nil)["q"])
    }

    func testKueriRusakDitolakDenganPesan() async throws {
        // setup
        let app = try await Uji.app()
        do {
            let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
            // act
            let res = try await admin.kirim(.GET, "/api/v1/laporan?status=%FF")
            // check
            XCTAssertEqual(res.status, .badRequest)
            XCTAssertEqual(try res.pesanKesalahan(), "Alamat halaman memuat parameter yang tidak valid.")
            let baik = try await admin.kirim(.GET, "/api/v1/laporan?status=masuk&limit=5")
            XCTAssertEqual(baik.status, .ok)
        } catch {
            try await Uji.tutup(app)
            throw error
        }
        try await Uji.tutup(app)
    }
}
