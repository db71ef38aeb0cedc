import Foundation
import XCTest
@testable import SIKIMCore

final class AktivitasTests: XCTestCase {
    let sah = Tanggal(iso: "2026-01-01")!
    let hari = Tanggal(iso: "2026-06-01")!

    func status(_ terakhir: Tanggal?, hariIni: Tanggal? = nil, kim: StatusKim = .aktif) -> StatusAktivitas {
        Aktivitas.status(statusKim: kim, disahkan: sah, terakhir: terakhir, hariIni: hariIni ?? hari)
    }

    func testBatasHari() {
        XCTAssertEqual(status(hari), .aktif)
        XCTAssertEqual(status(hari.tambahHari(-30)), .aktif, "day 30")
        XCTAssertEqual(status(hari.tambahHari(-31)), .kurangAktif, "day 31")
        XCTAssertEqual(status(hari.tambahHari(-90)), .kurangAktif, "day 90")
        XCTAssertEqual(status(hari.tambahHari(-91)), .tidakAktif, "day 91")
    }

    func testTanpaKegiatanSetelahPengesahan() {
        XCTAssertEqual(status(nil, hariIni: sah.tambahHari(30)), .aktif, "still within the first 30 days")
        XCTAssertEqual(status(nil, hariIni: sah.tambahHari(31)), .tidakAktif, "nothing in the first 30 days")
        XCTAssertEqual(status(sah.tambahHari(-5), hariIni: sah.tambahHari(31)), .tidakAktif, "activity before legalisation does not count")
    }

    func testBelumDisahkan() {
        for s in [StatusKim.draf, .diajukan, .disahkanDesa, .dibubarkan] {
            XCTAssertEqual(status(hari, kim: s), .belumAktif, s.rawValue)
        }
        XCTAssertEqual(Aktivitas.status(statusKim: .aktif, disahkan: nil, terakhir: hari, hariIni: hari), .belumAktif)
    }

    func testAmbangDapatDiubah() throws {
        let ambang = AmbangAktivitas(aktif: 14, kurangAktif: 60, awal: 14)
        XCTAssertEqual(Aktivitas.status(statusKim: .aktif, disahkan: sah, terakhir: hari.tambahHari(-15), hariIni: hari, ambang: ambang), .kurangAktif)
        XCTAssertEqual(Aktivitas.status(statusKim: .aktif, disahkan: sah, terakhir: hari.tambahHari(-61), hariIni: hari, ambang: ambang), .tidakAktif)
        XCTAssertThrowsError(try AmbangAktivitas(aktif: 30, kurangAktif: 30, awal: 30).periksa())
        XCTAssertNoThrow(try ambang.periksa())
    }

    func testKegiatan() throws {
        let k = try AturanKegiatan.periksa(jenis: "sosialisasi", tanggal: "2026-05-30", tempat: "Balai desa", uraian: "Sosialisasi vaksin",
                                           peserta: "45", hariIni: hari)
        XCTAssertEqual(k.peserta, 45)
        XCTAssertThrowsError(try AturanKegiatan.periksa(jenis: "pesta", tanggal: "2026-06-02", tempat: "", uraian: "", peserta: "0",
                                                        hariIni: hari)) {
            XCTAssertEqual(($0 as? KesalahanIsian)?.butir.map(\.bidang), ["jenis", "tanggal", "tempat", "uraian", "peserta"])
        }
        let kim = UUID()
        let pengurus = Aktor(id: UUID(), penugasan: .pengurusKim(kim: kim, wilayah: KodeWilayah("36.04.05.2001")!))
        XCTAssertTrue(AturanKegiatan.bolehMencatat(pengurus, kim: kim, statusKim: .aktif))
        XCTAssertFalse(AturanKegiatan.bolehMencatat(Aktor(id: UUID(), penugasan: .pengurusKim(kim: UUID(), wilayah: KodeWilayah("36.04.05.2001")!)), kim: kim, statusKim: .aktif))
        XCTAssertFalse(AturanKegiatan.bolehMencatat(Aktor(id: UUID(), penugasan: .operatorDesa(KodeWilayah("36.04.05.2001")!)), kim: kim, statusKim: .aktif))
        // A frozen or dissolved KIM records nothing, not even through the admin.
        for s in StatusKim.allCases {
            XCTAssertEqual(AturanKegiatan.bolehMencatat(pengurus, kim: kim, statusKim: s), ![.dibekukan, .dibubarkan].contains(s), "\(s)")
            XCTAssertEqual(AturanKegiatan.bolehMencatat(Aktor(id: UUID(), penugasan: .admin), kim: kim, statusKim: s),
                           ![.dibekukan, .dibubarkan].contains(s), "admin \(s)")
        }
    }
}

final class TrenAktivitasTests: XCTestCase {
    func testTrenDariRiwayat() {
        let a = UUID(), b = UUID()
        let t = { Tanggal(iso: $0)! }
        let r: [TrenAktivitas.Perubahan] = [
            .init(kim: a, tanggal: t("2026-01-01"), status: .aktif), .init(kim: b, tanggal: t("2026-01-01"), status: .aktif),
            .init(kim: a, tanggal: t("2026-02-15"), status: .kurangAktif), .init(kim: a, tanggal: t("2026-04-10"), status: .tidakAktif),
        ]
        let tren = TrenAktivitas.hitung(r, dari: t("2026-02-01"), sampai: t("2026-04-30"))
        XCTAssertEqual(tren.map(\.tanggal.iso), ["2026-02-01", "2026-02-15", "2026-04-10", "2026-04-30"])
        XCTAssertEqual(tren.map { $0.jumlah[.aktif] ?? 0 }, [2, 1, 1, 1])
        XCTAssertEqual(tren.map { $0.jumlah[.tidakAktif] ?? 0 }, [0, 0, 1, 1])
    }
}
