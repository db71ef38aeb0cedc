import SIKIMData
import Foundation
import XCTest
import XCTVapor
@testable import SIKIMServer

final class DokumenAPITests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    private func dokumen() async throws -> [String: Any] {
        let res = try await app.sendRequest(.GET, "/api/openapi.json")
        XCTAssertEqual(res.status, .ok)
        XCTAssertEqual(res.headers.contentType, .json)
        return try res.json()
    }

    /// Every registered `/api/v1` route is in the document, and the document names no other.
    func testDokumenMenyebutTepatRuteYangTerdaftar() async throws {
        let terdaftar = Set(app.routes.all.filter { $0.path.prefix(2).map(\.description) == ["api", "v1"] }.map { r in
            r.method.rawValue + " /" + r.path.map { if case .parameter(let n) = $0 { "{\(n)}" } else { $0.description } }.joined(separator: "/")
        })
        let doc = try await dokumen()
        let paths = try XCTUnwrap(doc["paths"] as? [String: [String: Any]])
        let didokumenkan = Set(paths.flatMap { jalur, ops in ops.keys.map { $0.uppercased() + " " + jalur } })

        XCTAssertEqual(terdaftar.count, DokumenAPI.operasi.count)
        XCTAssertEqual(terdaftar.subtracting(didokumenkan).sorted(), [], "rute tanpa dokumentasi")
        XCTAssertEqual(didokumenkan.subtracting(terdaftar).sorted(), [], "dokumentasi tanpa rute")
    }

    /// Each `$ref` points at a schema that exists; each operation has a success answer and
    /// an error shape for every error status it lists.
    func testDokumenUtuh() async throws {
        let teks = try await app.sendRequest(.GET, "/api/openapi.json").body.string
        let doc = try await dokumen()
        XCTAssertEqual(doc["openapi"] as? String, "3.1.0")
        let skema = try XCTUnwrap((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let ref = try NSRegularExpression(pattern: ##""\$ref":"#/components/schemas/([A-Za-z]+)""##)
        let nama = ref.matches(in: teks, range: NSRange(teks.startIndex..., in: teks)).map { String(teks[Range($0.range(at: 1), in: teks)!]) }
        XCTAssertFalse(nama.isEmpty)
        XCTAssertEqual(Set(nama).subtracting(skema.keys).sorted(), [])

        for (jalur, ops) in try XCTUnwrap(doc["paths"] as? [String: [String: [String: Any]]]) {
            for (metode, op) in ops {
                let jawaban = try XCTUnwrap(op["responses"] as? [String: Any], "\(metode) \(jalur)")
                XCTAssertTrue(jawaban.keys.contains { $0.hasPrefix("2") }, "\(metode) \(jalur) tanpa jawaban berhasil")
                XCTAssertNotNil(jawaban["401"], "\(metode) \(jalur) tanpa 401")
            }
        }
    }

    func testHalamanDokumentasiTanpaMasuk() async throws {
        let res = try await app.sendRequest(.GET, "/api/docs")
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("Dokumentasi API"))
        for op in DokumenAPI.operasi {
            XCTAssertTrue(res.body.string.contains("<code>\(op.metode.rawValue) \(op.jalur)</code>"), "\(op.metode) \(op.jalur)")
        }
        XCTAssertFalse(res.body.string.contains("<script"), "halaman tidak memerlukan JavaScript")
    }

    func testMetodeSalahMendapat405DenganAllow() async throws {
        // setup / act
        let api = try await app.sendRequest(.DELETE, "/api/v1/laporan")
        let web = try await app.sendRequest(.PUT, "/kim")
        let opsi = try await app.sendRequest(.OPTIONS, "/api/v1/kim/\(UUID())/pengurus")
        let tidakAda = try await app.sendRequest(.DELETE, "/api/v1/tidak-ada")

        // check
        XCTAssertEqual(api.status, .methodNotAllowed)
        XCTAssertEqual(api.headers.first(name: "Allow"), "GET, HEAD, POST")
        XCTAssertEqual(try api.kodeKesalahan(), "metode_tidak_diizinkan")
        XCTAssertEqual(web.status, .methodNotAllowed)
        XCTAssertEqual(web.headers.first(name: "Allow"), "GET, HEAD, POST")
        XCTAssertTrue(web.body.string.contains("tidak diizinkan"))
        XCTAssertEqual(opsi.status, .methodNotAllowed)
        XCTAssertEqual(opsi.headers.first(name: "Allow"), "GET, HEAD, POST")
        XCTAssertEqual(tidakAda.status, .notFound)
        XCTAssertNil(tidakAda.headers.first(name: "Allow"))
    }
}
