import XCTest
@testable import SIKIMCore

final class KotakMasukTests: XCTestCase {
    func testKantorSelaluMembukaMasukDanYangLainTabBerisiTugas() {
        XCTAssertEqual(KotakMasuk.bawaan(untuk: .verifikator, jumlah: [:]), "masuk")
        XCTAssertEqual(KotakMasuk.bawaan(untuk: .admin, jumlah: ["klarifikasi": 3]), "masuk")
        XCTAssertEqual(KotakMasuk.bawaan(untuk: .opd, jumlah: ["diteruskan": 2]), "diteruskan")
        XCTAssertEqual(KotakMasuk.bawaan(untuk: .opd, jumlah: ["diteruskan": 0, "ditindaklanjuti": 1]), "ditindaklanjuti")
        XCTAssertEqual(KotakMasuk.bawaan(untuk: .opd, jumlah: [:]), KotakMasuk.semua)
        XCTAssertEqual(KotakMasuk.bawaan(untuk: .pengurusKim, jumlah: ["klarifikasi": 1]), "klarifikasi")
        XCTAssertEqual(KotakMasuk.bawaan(untuk: .pengurusKim, jumlah: [:]), KotakMasuk.semua)
        XCTAssertEqual(KotakMasuk.bawaan(untuk: .operatorDesa, jumlah: ["diteruskan": 5]), KotakMasuk.semua)
    }

    func testSetiapPeranPunyaTabSemuaDanStatusYangDikenal() {
        for peran in Peran.allCases {
            let tab = KotakMasuk.tab(untuk: peran)
            XCTAssertEqual(tab.filter { $0.status == KotakMasuk.semua }.count, 1, "\(peran)")
            for t in tab where t.status != KotakMasuk.semua && t.status != "menunggu_konfirmasi_kedua" {
                XCTAssertNotNil(StatusLaporan(rawValue: t.status), t.status)
            }
        }
    }

    func testTugasBertenggatDibacaDariYangTerlama() {
        for s in AturanLaporan.statusBertenggat { XCTAssertTrue(KotakMasuk.terlamaDulu(s.rawValue), s.rawValue) }
        XCTAssertTrue(KotakMasuk.terlamaDulu("menunggu_konfirmasi_kedua"))
        XCTAssertFalse(KotakMasuk.terlamaDulu("selesai"))
        XCTAssertFalse(KotakMasuk.terlamaDulu(KotakMasuk.semua))
    }
}
