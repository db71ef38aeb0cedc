import SIKIMData
import NIOConcurrencyHelpers
import XCTest
@testable import SIKIMServer

final class CacheHitunganTests: XCTestCase {
    struct Gagal: Error {}

    let awal = Date(timeIntervalSince1970: 1_700_000_000)

    /// Counts computations; each answers its own number.
    final class Penghitung: Sendable {
        let n = NIOLockedValueBox(0)
        func hitung() -> Int { n.withLockedValue { $0 += 1; return $0 } }
    }

    /// A computation that waits until released; counts the ones that started.
    final class Tertahan: Sendable {
        let masuk = NIOLockedValueBox(0)
        private let aliran: AsyncStream<Void>
        private let pelepas: AsyncStream<Void>.Continuation
        private let h: Penghitung

        init(_ h: Penghitung) {
            (aliran, pelepas) = AsyncStream<Void>.makeStream()
            self.h = h
        }

        func hitung() async -> Int {
            masuk.withLockedValue { $0 += 1 }
            for await _ in aliran { break }
            return h.hitung()
        }

        func lepas() { pelepas.yield() }
        func tungguMasuk() async { while masuk.withLockedValue({ $0 }) == 0 { await Task.yield() } }
    }

    /// A cache holding version 0's value (1), and a slow computation for the next versions.
    func cacheBerisi(tungguBaru: TimeInterval) async throws -> (CacheHitungan<String, Int>, Penghitung, Tertahan) {
        let c = CacheHitungan<String, Int>(umur: 60, maksimum: 10, tungguBaru: tungguBaru), h = Penghitung()
        _ = try await c.ambil("x", sekarang: awal, versi: 0) { h.hitung() }
        return (c, h, Tertahan(h))
    }

    func testDipakaiUlangSelamaMudaDanVersiSama() async throws {
        let c = CacheHitungan<String, Int>(umur: 60, maksimum: 10), h = Penghitung()
        let a = try await c.ambil("x", sekarang: awal, versi: 0) { h.hitung() }
        let b = try await c.ambil("x", sekarang: awal + 59, versi: 0) { h.hitung() }
        XCTAssertEqual([a, b], [1, 1])
    }

    func testPerubahanDitungguNilaiTuaDijawabSambilDihitungUlang() async throws {
        let c = CacheHitungan<String, Int>(umur: 60, maksimum: 10), h = Penghitung()
        _ = try await c.ambil("x", sekarang: awal, versi: 0) { h.hitung() }
        let berubah = try await c.ambil("x", sekarang: awal + 1, versi: 1) { h.hitung() }
        let tua = try await c.ambil("x", sekarang: awal + 62, versi: 1) { h.hitung() }
        let tuaLagi = try await c.ambil("x", sekarang: awal + 63, versi: 1) { h.hitung() }
        await c.tungguSelesai()
        XCTAssertEqual(h.n.withLockedValue { $0 }, 3, "one computation behind the old entry, not one per reader")
        let segar = try await c.ambil("x", sekarang: awal + 64, versi: 1) { h.hitung() }
        let mundur = try await c.ambil("x", sekarang: awal, versi: 1) { h.hitung() } // a clock set back
        let lain = try await c.ambil("y", sekarang: awal, versi: 1) { h.hitung() }
        XCTAssertEqual([berubah, tua, segar, mundur, lain], [2, 2, 3, 4, 5])
        XCTAssertTrue([2, 3].contains(tuaLagi))
    }

    /// A change whose computation outlasts `tungguBaru`: the first reader waits that long for
    /// it and gets the earlier value, the next ones get that at once without a second
    /// computation, and the fresh value is answered once it is done.
    func testPerhitunganLambatMenjawabNilaiSebelumnya() async throws {
        // setup
        let (c, h, lambat) = try await cacheBerisi(tungguBaru: 0.05)

        // act
        let pertama = try await c.ambil("x", sekarang: awal + 1, versi: 1) { await lambat.hitung() }
        let kedua = try await c.ambil("x", sekarang: awal + 2, versi: 1) { await lambat.hitung() }
        lambat.lepas()
        await c.tungguSelesai()
        let segar = try await c.ambil("x", sekarang: awal + 3, versi: 1) { h.hitung() }

        // check
        XCTAssertEqual([pertama, kedua, segar], [1, 1, 2])
        XCTAssertEqual(h.n.withLockedValue { $0 }, 2, "one computation for the new version")
    }

    func testSatuPembacaMenungguYangLainDijawabSegera() async throws {
        // setup: a reader waiting for a new version's computation, which is blocked
        let (c, h, lambat) = try await cacheBerisi(tungguBaru: 3600)
        let awal = awal // not `self`: the tasks below outlive this call's isolation
        let pertama = Task { try await c.ambil("x", sekarang: awal + 1, versi: 1) { await lambat.hitung() } }
        await lambat.tungguMasuk()

        // act: another reader meanwhile
        let jawaban = NIOLockedValueBox<Int?>(nil)
        Task { let n = try await c.ambil("x", sekarang: awal + 2, versi: 1) { await lambat.hitung() }; jawaban.withLockedValue { $0 = n } }
        var kedua: Int?
        for _ in 0..<500 where kedua == nil { // answered while the computation is still blocked (or not within 5 s)
            try await Task.sleep(nanoseconds: 10_000_000)
            kedua = jawaban.withLockedValue { $0 }
        }
        lambat.lepas()
        let segar = try await pertama.value
        let ketiga = try await c.ambil("x", sekarang: awal + 3, versi: 1) { h.hitung() }

        // check: the waiting reader gets the new value, the other the previous one at once
        XCTAssertEqual(kedua, 1)
        XCTAssertEqual([segar, ketiga], [2, 2])
        XCTAssertEqual(h.n.withLockedValue { $0 }, 2)
    }

    func testPerubahanBeruntunTidakMenumpukPerhitungan() async throws {
        // setup: one computation under way (entered, blocked) for version 1
        let (c, h, lambat) = try await cacheBerisi(tungguBaru: 0.05)
        let v1 = try await c.ambil("x", sekarang: awal + 1, versi: 1) { await lambat.hitung() }
        await lambat.tungguMasuk()

        // act: two more changes while it runs
        let v2 = try await c.ambil("x", sekarang: awal + 2, versi: 2) { await lambat.hitung() }
        let v3 = try await c.ambil("x", sekarang: awal + 3, versi: 3) { await lambat.hitung() }
        lambat.lepas()
        lambat.lepas()
        await c.tungguSelesai()
        let segar = try await c.ambil("x", sekarang: awal + 4, versi: 3) { h.hitung() }

        // check: the previous value meanwhile; one computation waited and served both changes
        XCTAssertEqual([v1, v2, v3], [1, 1, 1])
        XCTAssertEqual(lambat.masuk.withLockedValue { $0 }, 2, "versions 2 and 3 share one computation, started after the running one")
        XCTAssertEqual(segar, 3)
        XCTAssertEqual(h.n.withLockedValue { $0 }, 3)
    }

    func testKegagalanTidakDisimpan() async throws {
        let c = CacheHitungan<String, Int>(umur: 60, maksimum: 10), h = Penghitung()
        do {
            _ = try await c.ambil("x", sekarang: awal, versi: 0) { throw Gagal() }
            XCTFail("kegagalan harus diteruskan")
        } catch is Gagal {}
        let ulang = try await c.ambil("x", sekarang: awal, versi: 0) { h.hitung() }
        XCTAssertEqual(ulang, 1)
        // A failed refresh keeps the old value for the next reader.
        let tua = try await c.ambil("x", sekarang: awal + 61, versi: 0) { throw Gagal() }
        await c.tungguSelesai()
        let tetap = try await c.ambil("x", sekarang: awal + 62, versi: 0) { h.hitung() }
        XCTAssertEqual([tua, tetap], [1, 1])
    }

    func testUkuranTerbatas() async throws {
        let c = CacheHitungan<Int, Int>(umur: 60, maksimum: 3), h = Penghitung()
        for k in 0..<3 { _ = try await c.ambil(k, sekarang: awal, versi: 0) { h.hitung() } }
        _ = try await c.ambil(3, sekarang: awal, versi: 0) { h.hitung() } // full: starts over
        let nol = try await c.ambil(0, sekarang: awal, versi: 0) { h.hitung() }
        XCTAssertEqual(nol, 5)
    }
}
