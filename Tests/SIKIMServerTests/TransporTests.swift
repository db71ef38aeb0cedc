import AsyncHTTPClient
import SIKIMData
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Issue 19, transport: compressed text over a weak signal, CSS kept a year by version, and a
/// CSRF token that a compressed page cannot leak.
final class TransporTests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    /// Through the real HTTP server: pages, JSON and CSS travel gzip-compressed when the client
    /// accepts it, and plain when it does not.
    func testTeksDikirimTerkompresi() async throws {
        let peladen = try await PeladenUji.mulai(app)
        do {
            for jalur in ["/", "/wilayah", "/api/v1/wilayah", "/css/sikim.css"] {
                let polos = try await ambil(peladen, jalur, gzip: false)
                let padat = try await ambil(peladen, jalur, gzip: true)
                XCTAssertNil(polos.headers.first(name: "Content-Encoding"), jalur)
                XCTAssertEqual(padat.headers.first(name: "Content-Encoding"), "gzip", jalur)
                XCTAssertLessThan(padat.ukuran * 2, polos.ukuran, "\(jalur): at least halved")
            }
        } catch { try await peladen.tutup(); throw error }
        try await peladen.tutup()
    }

    private func ambil(_ p: PeladenUji, _ jalur: String, gzip: Bool) async throws -> (headers: HTTPHeaders, ukuran: Int) {
        var r = HTTPClientRequest(url: p.dasar + jalur)
        if gzip { r.headers.add(name: "Accept-Encoding", value: "gzip") }
        let res = try await p.klien.execute(r, timeout: .seconds(30))
        XCTAssertEqual(res.status, .ok, jalur)
        return (res.headers, try await res.body.collect(upTo: 4 << 20).readableBytes)
    }

    /// Pages link the CSS with its version; that link is kept a year, even by a signed-in
    /// browser, while an old or bare link is checked again.
    func testCSSBerversiDisimpanSetahun() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let html = try await b.get("/akun").body.string
        let r = try XCTUnwrap(html.range(of: #"/css/sikim\.css\?v=[0-9a-f]{12}"#, options: .regularExpression))
        let terkini = try await b.get(String(html[r]))
        XCTAssertEqual(terkini.status, .ok)
        XCTAssertEqual(terkini.headers.first(name: .cacheControl), "public, max-age=31536000, immutable")
        for usang in ["/css/sikim.css", "/css/sikim.css?v=000000000000"] {
            let res = try await b.get(usang)
            XCTAssertEqual(res.status, .ok, usang)
            XCTAssertEqual(res.headers.first(name: .cacheControl), "no-cache", usang)
            XCTAssertNotNil(res.headers.first(name: .eTag), "revalidated by its ETag")
        }
        // the version follows the files' contents
        let lain = FileManager.default.temporaryDirectory.appendingPathComponent("aset-\(UUID().uuidString)/")
        try FileManager.default.createDirectory(at: lain.appendingPathComponent("css"), withIntermediateDirectories: true)
        try Data("a{}".utf8).write(to: lain.appendingPathComponent("css/x.css"))
        let v1 = Aset(direktori: lain.path + "/").versi
        try Data("b{}".utf8).write(to: lain.appendingPathComponent("css/x.css"))
        XCTAssertNotEqual(Aset(direktori: lain.path + "/").versi, v1)
        XCTAssertEqual(Aset(direktori: lain.path + "/").berkas, ["css/x.css"])
    }

    /// Every page shows the CSRF token in other characters (so compression cannot reveal it),
    /// and each of them is accepted; a forged one is not.
    func testTokenCSRFBerbedaDiTiapHalamanDanTetapDiterima() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let akun = try await b.get("/akun").body.string, opd = try await b.get("/opd").body.string
        let t1 = try XCTUnwrap(Peramban.csrfDari(akun)), t2 = try XCTUnwrap(Peramban.csrfDari(opd))
        XCTAssertNotEqual(t1, t2)
        for t in [t1, t2] {
            let res = try await b.post("/opd", ["kode": "dinas\(t == t1 ? 1 : 2)", "nama": "Dinas Uji"], csrf: t)
            XCTAssertNotEqual(res.status, .forbidden, res.body.string)
        }
        XCTAssertEqual(Acak.buka(t1), Acak.buka(t2))
        var palsu = Array(t1)
        palsu[palsu.count / 2] = palsu[palsu.count / 2] == "A" ? "B" : "A"
        let ditolak = try await b.post("/opd", ["kode": "dinas3", "nama": "Dinas Uji"], csrf: String(palsu))
        XCTAssertEqual(ditolak.headers.first(name: .location), LanjutkanWeb.jalur, "refused, and kept to be looked at")
        let dinas3 = try await OPDModel.find("dinas3", on: app.db)
        XCTAssertNil(dinas3)
    }

    /// A public page comes back as 304 without a body while it has not changed; a page of a
    /// session never carries an ETag.
    func testHalamanPublikBerETagDanMenjawab304() async throws {
        let pertama = try await app.sendRequest(.GET, "/direktori")
        let etag = try XCTUnwrap(pertama.headers.first(name: .eTag))
        XCTAssertEqual(pertama.headers.first(name: .cacheControl), "no-cache")
        let lagi = try await app.sendRequest(.GET, "/direktori", headers: ["If-None-Match": etag])
        XCTAssertEqual(lagi.status, .notModified)
        XCTAssertEqual(lagi.body.readableBytes, 0)
        XCTAssertNotNil(lagi.headers.first(name: "Content-Security-Policy"), "security headers on a 304 too")
        let lain = try await app.sendRequest(.GET, "/wilayah", headers: ["If-None-Match": etag])
        XCTAssertEqual(lain.status, .ok, "another page, another tag")

        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let masuk = try await b.get("/direktori")
        XCTAssertNil(masuk.headers.first(name: .eTag))
        XCTAssertEqual(masuk.headers.first(name: .cacheControl), "no-store")
    }
}
