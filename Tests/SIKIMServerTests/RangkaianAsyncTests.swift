import SIKIMData
import NIOConcurrencyHelpers
import XCTVapor
import XCTest
@testable import SIKIMServer

final class RangkaianAsyncTests: XCTestCase {
    /// Notes its name on the way in and out; `berhenti` answers without going further.
    private struct Catat: AsyncMiddleware {
        let nama: String
        let jejak: NIOLockedValueBox<[String]>
        var berhenti = false
        func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            jejak.withLockedValue { $0.append("masuk \(nama)") }
            defer { jejak.withLockedValue { $0.append("keluar \(nama)") } }
            if berhenti { return Response(status: .forbidden) }
            let res = try await next.respond(to: req)
            res.headers.add(name: "X-Lapis", value: nama)
            return res
        }
    }

    func testLapisanBerurutanDanBolehBerhentiDiTengah() async throws {
        // setup
        let app = try await Application.make(.testing)
        let jejak = NIOLockedValueBox<[String]>([])
        app.middleware = Middlewares()
        app.middleware.use(RangkaianAsync([Catat(nama: "a", jejak: jejak), Catat(nama: "b", jejak: jejak)]))
        app.get("x") { _ in "isi" }
        app.grouped(RangkaianAsync([Catat(nama: "c", jejak: jejak, berhenti: true), Catat(nama: "d", jejak: jejak)])).get("henti") { _ in "tidak sampai" }
        // act / check
        let x = try await app.sendRequest(.GET, "x")
        XCTAssertEqual(x.body.string, "isi")
        XCTAssertEqual(x.headers[canonicalForm: "X-Lapis"].map(String.init), ["b", "a"], "inner layer first on the way out")
        XCTAssertEqual(jejak.withLockedValue { $0 }, ["masuk a", "masuk b", "keluar b", "keluar a"])
        jejak.withLockedValue { $0 = [] }
        let henti = try await app.sendRequest(.GET, "henti")
        XCTAssertEqual(henti.status, .forbidden)
        XCTAssertEqual(jejak.withLockedValue { $0 }, ["masuk a", "masuk b", "masuk c", "keluar c", "keluar b", "keluar a"],
                       "a layer that answers itself skips the layers inside it")
        try await app.asyncShutdown()
    }
}
