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

    func testDesimalDenganKoma() {
        XCTAssertEqual(Angka.desimal(1), "1,0")
        XCTAssertEqual(Angka.desimal(0.05), "0,1")
        XCTAssertEqual(Angka.desimal(1234.56), "1.234,6")
        XCTAssertEqual(Angka.desimal(2.5, digit: 2), "2,50")
        XCTAssertEqual(Angka.desimal(3.04, digit: 2), "3,04")
        XCTAssertEqual(Angka.desimal(-0.04), "0,0")
        XCTAssertEqual(Angka.desimal(-1.25, digit: 0), "-1")
        XCTAssertEqual(Angka.desimal(.nan), "—")
    }
}
