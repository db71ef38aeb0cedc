import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Every page renders: Leaf parses a whole template on each render, so an error in a branch
/// that a journey never takes would still break the page for everyone.
final class SemuaHalamanTests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func testSetiapHalamanTampilUntukAdmin() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let pengurus = try await XCTUnwrapAsync(await PengurusModel.query(on: app.db).first())
        let admin = try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).first())
        try await Uji.pengguna(app, "pelapor", .pengurusKim, kim: kim)
        let k = try await KlienAPI.masuk(app, "pelapor", "sandiuji12345")
        let laporan = try idKim(try await k.kirim(.POST, "/api/v1/laporan", json: #"{"kategori":"lingkungan","judul":"Sampah","isi":"Menumpuk","kode_wilayah":"36.04.05.2001"}"#))

        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let tetap = app.routes.all.filter { $0.method == .GET }.map { "/" + $0.path.map(\.description).joined(separator: "/") }
            .filter { !$0.contains(":") && !$0.hasPrefix("/api/") && !$0.hasSuffix(".csv") && !$0.hasSuffix(".xlsx") && $0 != "/healthz" }
        XCTAssertGreaterThan(tetap.count, 15)
        let berparameter = ["/wilayah/36.04.05", "/wilayah/36.04.05.2001", "/pengguna/\(admin.id!)", "/kim/\(kim.id!)",
                            "/kim/\(kim.id!)/ubah", "/kim/\(kim.id!)/pengurus/\(pengurus.id!)", "/kim/\(kim.id!)/berita-acara",
                            "/kim/\(kim.id!)/pernyataan", "/laporan/\(laporan)", "/laporan/baru?kategori=perizinan",
                            "/laporan/baru?kategori=bencana", "/pengaturan?tahun=2027", "/kim/impor"]
        // (a signed-in user is sent from /masuk to the start page, and from /lanjutkan with nothing kept)
        for path in tetap.filter({ $0 != "/masuk" && $0 != LanjutkanWeb.jalur }) + berparameter {
            let res = try await b.get(path)
            XCTAssertEqual(res.status, .ok, path)
            XCTAssertTrue(res.body.string.hasPrefix("<!doctype html>"), path)
        }
        // and the same pages for the public answer with a page, never a server error
        for path in tetap {
            let res = try await app.sendRequest(.GET, path)
            XCTAssertLessThan(res.status.code, 500, path)
        }
    }
}
