import Foundation
import XCTest
@testable import SIKIMServer

/// Kept uploads: per session, in the order sent, removed when used or after a day.
final class BerkasTertundaTests: XCTestCase {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tertunda-\(UUID().uuidString)").path

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testDisimpanPerSesiDanDibersihkanSetelahSehari() throws {
        // setup
        let saya = BerkasTertunda(direktoriData: dir, sesi: "sesi-a"), lain = BerkasTertunda(direktoriData: dir, sesi: "sesi-b")
        let a = FotoMasuk(nama: "a.pdf", bytes: [1, 2]), b = FotoMasuk(nama: "b.png", bytes: [3])
        // act
        let kunci = try saya.simpan([a], kunci: nil)
        XCTAssertEqual(try saya.simpan([b], kunci: kunci), kunci, "added under the same key")
        // check
        XCTAssertEqual(saya.ambil(kunci).map(\.nama), ["a.pdf", "b.png"])
        XCTAssertEqual(saya.ambil(kunci).map(\.bytes), [[1, 2], [3]])
        XCTAssertEqual(lain.ambil(kunci).count, 0, "another session cannot name them")
        XCTAssertNil(try saya.simpan([], kunci: nil), "nothing sent, nothing kept")
        XCTAssertEqual(saya.ambil("../../etc").count, 0, "a key is never a path")

        let lama = try XCTUnwrap(try lain.simpan([a], kunci: nil))
        let folder = "\(dir)/tertunda/\(Sidik.sha256("sesi-b"))/\(lama)"
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-BerkasTertunda.umur - 60)], ofItemAtPath: folder)
        BerkasTertunda.bersihkan(direktoriData: dir, sekarang: Date())
        XCTAssertEqual(lain.ambil(lama).count, 0, "older than a day: removed")
        XCTAssertEqual(saya.ambil(kunci).count, 2, "fresh: kept")
        saya.hapus(kunci)
        XCTAssertEqual(saya.ambil(kunci).count, 0)
    }
}
