import XCTest
@testable import SIKIMCore

final class AngkaTests: XCTestCase {
    func testRibuanDenganTitik() {
        XCTAssertEqual(Angka.ribuan(0), "0")
        XCTAssertEqual(Angka.ribuan(999), "999")
        XCTAssertEqual(Angka.ribuan(1_000), "1.000")
        XCTAssertEqual(Angka.ribuan(29_141), "29.141")
        XCTAssertEqual(Angka.ribuan(1_000_000), "1.000.000")
        XCTAssertEqual(Angka.ribuan(-12_345), "-12.345")
        XCTAssertEqual(Angka.ribuan(Int.min), "-9.223.372.036.854.775.808")
    }
}
