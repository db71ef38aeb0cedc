import Foundation
import XCTest
@testable import SIKIMCore

/// Issue 20: what a client says of how and when a laporan was written, and what is stored.
final class KanalTests: XCTestCase {
    let tiba = Date(timeIntervalSince1970: 1_780_000_000)

    func testAplikasiLuringHanyaBilaDitulisLebihAwalDanMasukAkal() {
        XCTAssertTrue(KanalLaporan.tentukan(klaim: nil, ditulis: nil, diterima: tiba, lewatAPI: false) == (.web, nil))
        XCTAssertTrue(KanalLaporan.tentukan(klaim: nil, ditulis: tiba - 3600, diterima: tiba, lewatAPI: true) == (.api, nil),
                      "a time without the app's word is not believed")
        XCTAssertTrue(KanalLaporan.tentukan(klaim: "aplikasi", ditulis: tiba - 30, diterima: tiba, lewatAPI: true) == (.aplikasi, nil),
                      "sent as written")
        XCTAssertTrue(KanalLaporan.tentukan(klaim: "aplikasi", ditulis: tiba - 3 * 86_400, diterima: tiba, lewatAPI: true)
                      == (.aplikasiLuring, tiba - 3 * 86_400))
        XCTAssertTrue(KanalLaporan.tentukan(klaim: "aplikasi", ditulis: tiba + 600, diterima: tiba, lewatAPI: true) == (.aplikasi, nil),
                      "a phone clock ahead of the server")
        XCTAssertTrue(KanalLaporan.tentukan(klaim: "aplikasi", ditulis: tiba - 90 * 86_400, diterima: tiba, lewatAPI: true) == (.aplikasi, nil),
                      "too old to believe")
        XCTAssertTrue(KanalLaporan.tentukan(klaim: "lain", ditulis: nil, diterima: tiba, lewatAPI: true) == (.api, nil))
    }

    func testWaktuISO8601DenganAtauTanpaPecahanDetik() {
        XCTAssertEqual(KanalLaporan.waktu("2026-12-03T00:40:00.123Z")?.timeIntervalSince1970 ?? 0, 1_796_258_400.123, accuracy: 0.001)
        XCTAssertEqual(KanalLaporan.waktu("2026-12-03T07:40:00+07:00")?.timeIntervalSince1970, 1_796_258_400)
        XCTAssertNil(KanalLaporan.waktu("kemarin"))
        XCTAssertNil(KanalLaporan.waktu(nil))
    }
}
