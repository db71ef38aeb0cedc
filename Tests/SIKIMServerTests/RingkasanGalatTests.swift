import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Issue 19, GOV.UK's error pattern on the main forms: the title begins with "Galat: ", a
/// summary that takes the focus lists every error, and each links to a field on the page.
final class RingkasanGalatTests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func testSetiapGalatTertautKeBidangnya() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let kosong: [(form: String, kirim: String, isian: [String: String])] = [
            ("/laporan/baru", "/laporan", ["kategori": "infrastruktur"]),
            ("/kim/baru", "/kim", [:]),
            ("/pengguna/baru", "/pengguna", [:]),
            ("/diseminasi/baru", "/diseminasi", ["sasaran": "kecamatan"]),
        ]
        for k in kosong {
            try await b.get(k.form)
            let res = try await b.post(k.kirim, k.isian)
            XCTAssertEqual(res.status, .unprocessableEntity, k.kirim)
            let html = res.body.string
            XCTAssertTrue(html.contains("<title>Galat: "), k.kirim)
            let ringkasan = try XCTUnwrap(html.components(separatedBy: #"id="ringkasan-galat">"#).dropFirst().first?
                .components(separatedBy: "</div>").first, k.kirim)
            XCTAssertTrue(html.contains(#"tabindex="-1" autofocus id="ringkasan-galat""#), "the summary takes the focus")
            let tautan = ringkasan.components(separatedBy: ##"<a href="#"##).dropFirst().map { String($0.prefix { $0 != "\"" }) }
            XCTAssertFalse(tautan.isEmpty, k.kirim)
            for id in tautan { XCTAssertTrue(html.contains(#"id="\#(id)""#), "\(k.kirim): the error for \(id) links to its field") }
        }
    }
}
