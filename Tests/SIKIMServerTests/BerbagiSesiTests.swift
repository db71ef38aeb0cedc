import SIKIMData
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Sessions live in the database, so two server processes on one PostgreSQL share logins.
/// (The browser suite repeats this with two real `sikim serve` processes.)
final class BerbagiSesiTests: XCTestCase {
    func testLoginDiSatuServerBerlakuDiServerLain() async throws {
        guard Uji.databaseURL != nil else {
            throw XCTSkip("DATABASE_URL tidak diset: uji berbagi sesi PostgreSQL dilewati.")
        }
        let satu = try await Uji.app()
        let dua = try await Uji.app(kosongkan: false)
        do {
            let b = Peramban(satu)
            let masuk = try await b.masuk("admin", Uji.sandiAdmin)
            XCTAssertEqual(masuk.status, .seeOther)
            let lain = Peramban(dua)
            lain.cookies = b.cookies
            let res = try await lain.get("/pengguna")
            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("Administrator Kabupaten"))
            // logging out on the second ends the session on the first
            try await lain.post("/keluar", [:])
            let sesudah = try await b.get("/pengguna")
            XCTAssertEqual(sesudah.status, .unauthorized)
        } catch {
            try? await Uji.tutup(dua)
            try? await Uji.tutup(satu)
            throw error
        }
        try await Uji.tutup(dua)
        try await Uji.tutup(satu)
    }
}
