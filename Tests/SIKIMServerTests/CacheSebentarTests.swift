import SIKIMData
import NIOConcurrencyHelpers
import XCTest
@testable import SIKIMServer

final class CacheSebentarTests: XCTestCase {
    /// Counts the reads behind a cache, each returning the next number.
    private final class Sumber: Sendable {
        private let n = NIOLockedValueBox(0)
        var jumlah: Int { n.withLockedValue { $0 } }
        func baca() -> Int? { n.withLockedValue { $0 += 1; return $0 } }
    }

    func testDisimpanSelamaUmurLaluDibacaUlang() async throws {
        // setup
        let jam = JamUji()
        let cache = CacheSebentar<Int>(umur: 5, maksimum: 10, jam: jam.jam)
        let sumber = Sumber()
        // act / check
        let a = try await cache.ambil("k") { sumber.baca() }
        jam.maju(4.9)
        let b = try await cache.ambil("k") { sumber.baca() }
        XCTAssertEqual([a, b], [1, 1], "kept for five seconds")
        jam.maju(0.1)
        let c = try await cache.ambil("k") { sumber.baca() }
        XCTAssertEqual(c, 2, "read afresh once five seconds have passed")
        let lain = try await cache.ambil("lain") { sumber.baca() }
        XCTAssertEqual(lain, 3, "each key on its own")
    }

    func testYangTidakDitemukanTidakDisimpan() async throws {
        let cache = CacheSebentar<Int>(umur: 5, maksimum: 10, jam: JamUji().jam)
        let sumber = Sumber()
        let kosong = try await cache.ambil("k") { _ = sumber.baca(); return nil }
        let lagi = try await cache.ambil("k") { sumber.baca() }
        XCTAssertNil(kosong)
        XCTAssertEqual(lagi, 2, "a miss is asked again: a token issued meanwhile works at once")
    }

    func testDikosongkanTermasukBacaanYangSedangBerjalan() async throws {
        // setup
        let cache = CacheSebentar<Int>(umur: 5, maksimum: 10, jam: JamUji().jam)
        let sumber = Sumber()
        _ = try await cache.ambil("k") { sumber.baca() }
        // act: emptied, and emptied again while a read is under way
        cache.kosongkan()
        let selama = try await cache.ambil("k") { defer { cache.kosongkan() }; return sumber.baca() }
        let sesudah = try await cache.ambil("k") { sumber.baca() }
        // check
        XCTAssertEqual(selama, 2, "emptied: read afresh")
        XCTAssertEqual(sesudah, 3, "a value read across an emptying is not kept")
        let tetap = try await cache.ambil("k") { sumber.baca() }
        XCTAssertEqual(tetap, 3)
    }

    func testPenuhMembuangYangKedaluwarsaDulu() async throws {
        // setup: two entries, one of them older than `umur`
        let jam = JamUji()
        let cache = CacheSebentar<Int>(umur: 5, maksimum: 2, jam: jam.jam)
        let sumber = Sumber()
        _ = try await cache.ambil("lama") { sumber.baca() }
        jam.maju(3)
        _ = try await cache.ambil("baru") { sumber.baca() }
        jam.maju(3)
        // act: a third key when full drops only the expired one
        _ = try await cache.ambil("ketiga") { sumber.baca() }
        let baru = try await cache.ambil("baru") { sumber.baca() }
        XCTAssertEqual(baru, 2, "the fresh entry survived")
        // full of fresh entries: all are dropped rather than growing past `maksimum`
        _ = try await cache.ambil("keempat") { sumber.baca() }
        let ketiga = try await cache.ambil("ketiga") { sumber.baca() }
        XCTAssertEqual(ketiga, 5)
        XCTAssertEqual(sumber.jumlah, 5)
    }
}
