import NIOConcurrencyHelpers
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
