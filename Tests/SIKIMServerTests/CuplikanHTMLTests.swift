import SIKIMData
import SnapshotTesting
import XCTest
import XCTVapor
@testable import SIKIMServer

/// HTML snapshots of public pages: a change in markup shows up as a reviewable diff.
final class CuplikanHTMLTests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func html(_ path: String) async throws -> String {
        let res = try await app.sendRequest(.GET, path)
        XCTAssertEqual(res.status, .ok, path)
        return stabil(res.body.string)
    }

    /// The CSRF token is random and the files' version changes with the CSS: both replaced so
    /// the snapshot is stable.
    func stabil(_ html: String) -> String {
        html.replacingOccurrences(of: #"name="_csrf" value="[^"]+""#, with: #"name="_csrf" value="CSRF""#, options: .regularExpression)
            .replacingOccurrences(of: #"\.css\?v=[0-9a-f]{12}""#, with: #".css?v=VERSI""#, options: .regularExpression)
    }

    func testBeranda() async throws {
        let isi = try await html("/")
        assertSnapshot(of: isi, as: .lines)
    }

    func testHalamanMasuk() async throws {
        let isi = try await html("/masuk")
        assertSnapshot(of: isi, as: .lines)
    }

    func testHalamanKecamatan() async throws {
        let isi = try await html("/wilayah/36.04.33")
        assertSnapshot(of: isi, as: .lines)
    }

    func testBeritaAcaraCetak() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let isi = stabil(try await b.get("/kim/\(kim.id!)/berita-acara").body.string)
            .replacingOccurrences(of: kim.id!.uuidString, with: "KIM-ID")
        assertSnapshot(of: isi, as: .lines)
    }

    func testHalamanDesa() async throws {
        let isi = try await html("/wilayah/36.04.33.2006")
        assertSnapshot(of: isi, as: .lines)
    }
}
