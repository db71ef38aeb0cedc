import SIKIMData
import NIOConcurrencyHelpers
import XCTVapor
import XCTest
@testable import SIKIMServer

final class GiliranTests: XCTestCase {
    /// Work given at once runs one piece at a time, every piece runs, and an error ends only its own.
    func testSatuPerSatuDanGalatTidakMenahanYangLain() async throws {
        // setup
        let giliran = Giliran()
        let jalan = NIOLockedValueBox((sekarang: 0, maks: 0, selesai: 0))
        struct Gagal: Error {}
        // act
        let hasil = await withTaskGroup(of: Bool.self) { g -> [Bool] in
            for i in 0..<20 {
                g.addTask {
                    do {
                        try await giliran.jalankan {
                            jalan.withLockedValue { $0.sekarang += 1; $0.maks = max($0.maks, $0.sekarang) }
                            try await Task.sleep(nanoseconds: 1_000_000)
                            jalan.withLockedValue { $0.sekarang -= 1; $0.selesai += 1 }
                            if i == 3 { throw Gagal() }
                        }
                        return true
                    } catch { return false }
                }
            }
            return await g.reduce(into: []) { $0.append($1) }
        }
        // check
        let j = jalan.withLockedValue { $0 }
        XCTAssertEqual(j.maks, 1, "never two at once")
        XCTAssertEqual(j.selesai, 20)
        XCTAssertEqual(hasil.filter { !$0 }.count, 1)
    }
}

final class PekerjaanBerjalanTests: XCTestCase {
    /// Stopping waits for running work, and work arriving meanwhile is refused.
    func testBerhentiMenungguYangBerjalanDanMenolakYangBaru() async throws {
        // setup: one piece of work held until released
        let app = try await Application.make(.testing)
        let berjalan = PekerjaanBerjalan(batas: .seconds(30))
        let lepas = AsyncStream<Void>.makeStream()
        let mulai = AsyncStream<Void>.makeStream()
        let kerja = Task {
            try await berjalan.jalankan {
                mulai.continuation.yield()
                for await _ in lepas.stream { break }
                return "selesai"
            }
        }
        for await _ in mulai.stream { break }
        // act: stop while it runs
        let henti = Task { await berjalan.shutdownAsync(app) }
        while true {
            do { _ = try await berjalan.jalankan { 0 }; await Task.yield() } catch { break } // until stopping has begun
        }
        // check: still waiting, new work refused, then done once released
        XCTAssertEqual(berjalan.jumlah, 1)
        do { _ = try await berjalan.jalankan { 1 }; XCTFail("refused while stopping") } catch let e as KesalahanHTTP { XCTAssertEqual(e, .berhenti) }
        lepas.continuation.yield()
        let hasil = try await kerja.value
        await henti.value
        XCTAssertEqual(hasil, "selesai")
        XCTAssertEqual(berjalan.jumlah, 0)
        try await app.asyncShutdown()
    }
}
