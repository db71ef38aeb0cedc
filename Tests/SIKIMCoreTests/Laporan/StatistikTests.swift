import Foundation
import XCTest
@testable import SIKIMCore

final class StatistikLaporanTests: XCTestCase {
    let kalender = KalenderKerja(libur: [])
    func wib(_ s: String) -> Date { ISO8601DateFormatter().date(from: s + "+07:00")! }
    let a = KodeWilayah("36.04.05")!, b = KodeWilayah("36.04.06")!

    func testHitung() {
        // Monday 2 March 2026: verification due Thursday 5 March 23:59:59
        let senin = wib("2026-03-02T09:00:00")
        let l: [StatistikLaporan.Ringkas] = [
            .init(status: .selesai, kategori: "perizinan", kecamatan: a, masuk: senin, diputuskan: wib("2026-03-04T10:00:00"),
                  diteruskan: wib("2026-03-04T11:00:00"), ditanggapi: wib("2026-03-05T09:00:00"), selesai: wib("2026-03-20T09:00:00")),
            .init(status: .tidakValid, kategori: "perizinan", kecamatan: a, masuk: senin, diputuskan: wib("2026-03-06T10:00:00"),
                  diteruskan: nil, ditanggapi: nil, selesai: nil),
            .init(status: .masuk, kategori: "bencana", kecamatan: b, masuk: senin, diputuskan: nil, diteruskan: nil, ditanggapi: nil, selesai: nil),
            .init(status: .klarifikasi, kategori: "bencana", kecamatan: b, masuk: wib("2026-03-09T09:00:00"), diputuskan: nil,
                  diteruskan: nil, ditanggapi: nil, selesai: nil),
        ]
        let s = StatistikLaporan.hitung(l, kalender: kalender, sekarang: wib("2026-03-10T12:00:00"))
        XCTAssertEqual(s.jumlah, 4)
        XCTAssertEqual(s.perStatus[.selesai], 1)
        XCTAssertEqual(s.perKategori, ["perizinan": 2, "bencana": 2])
        XCTAssertEqual(s.perKecamatan[b], 2)
        // verification: on time, late (decided Friday), late (still open past Thursday), running
        XCTAssertEqual(s.sla[.verifikasi], .init(tepat: 1, terlambat: 2, berjalan: 1))
        XCTAssertEqual(s.sla[.verifikasi]?.persen, 33)
        XCTAssertEqual(s.sla[.tanggapanOPD], .init(tepat: 1, terlambat: 0, berjalan: 0))
        // closing due 10 working days after Wednesday 4 March: Wednesday 18 March; closed on the 20th
        XCTAssertEqual(s.sla[.penyelesaian], .init(tepat: 0, terlambat: 1, berjalan: 0))
        XCTAssertEqual(s.medianHariVerifikasi, 3, "2 and 4 working days")
    }

    func testMedian() {
        XCTAssertNil(StatistikLaporan.median([]))
        XCTAssertEqual(StatistikLaporan.median([5]), 5)
        XCTAssertEqual(StatistikLaporan.median([4, 1, 3]), 3)
        XCTAssertEqual(StatistikLaporan.median([1, 2, 3, 10]), 2.5)
        XCTAssertNil(StatistikLaporan.Kepatuhan().persen)
    }
}
