import NIOConcurrencyHelpers
import XCTest
@testable import SIKIMServer

final class GerbangTulisTests: XCTestCase {
    struct Gagal: Error {}

    /// Fifty writers at once pass one at a time, and a failing writer frees the gate.
    func testSatuPerSatuDanTerbukaLagiSetelahGagal() async throws {
        // setup
        let gerbang = GerbangTulis(aktif: true)
        let hitung = NIOLockedValueBox((dalam: 0, maks: 0, selesai: 0))

        // act
        try await withThrowingTaskGroup(of: Void.self) { grup in
            for i in 0..<50 {
                grup.addTask {
                    do {
                        try await gerbang.lewati {
                            hitung.withLockedValue { $0.dalam += 1; $0.maks = max($0.maks, $0.dalam) }
                            try await Task.sleep(nanoseconds: 200_000)
                            hitung.withLockedValue { $0.dalam -= 1; $0.selesai += 1 }
                            if i % 10 == 0 { throw Gagal() }
                        }
                    } catch is Gagal {}
                }
            }
            try await grup.waitForAll()
        }
        let setelah = try await gerbang.lewati { 1 }

        // check
        XCTAssertEqual(hitung.withLockedValue { $0.maks }, 1)
        XCTAssertEqual(hitung.withLockedValue { $0.selesai }, 50)
        XCTAssertEqual(setelah, 1)
    }
}
