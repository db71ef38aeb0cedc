import Foundation
import XCTest
@testable import SIKIMCore

final class PembatasLoginTests: XCTestCase {
    let p = PembatasLogin.akun
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    func m(_ menit: Double) -> Date { t0.addingTimeInterval(menit * 60) }

    func testEmpatKegagalanMasihBoleh() {
        XCTAssertEqual(p.status(kegagalan: [m(0), m(1), m(2), m(3)], sekarang: m(4)), .boleh)
    }

    func testKegagalanKelimaMengunciLimaBelasMenit() {
        let gagal = [m(0), m(1), m(2), m(3), m(4)]
        XCTAssertEqual(p.status(kegagalan: gagal, sekarang: m(4)), .terkunci(sampai: m(19)))
        XCTAssertEqual(p.status(kegagalan: gagal, sekarang: m(18.9)), .terkunci(sampai: m(19)))
        XCTAssertEqual(p.status(kegagalan: gagal, sekarang: m(19)), .boleh)
    }

    func testKegagalanYangTersebarLebihDariJendelaTidakMengunci() {
        XCTAssertEqual(p.status(kegagalan: [m(0), m(4), m(8), m(12), m(15.1)], sekarang: m(16)), .boleh)
        XCTAssertEqual(p.status(kegagalan: [m(0), m(4), m(8), m(12), m(15)], sekarang: m(16)), .terkunci(sampai: m(30)))
    }

    func testKegagalanDiMasaDepanDiabaikan() {
        XCTAssertEqual(p.status(kegagalan: [m(10), m(11), m(12), m(13), m(14)], sekarang: m(5)), .boleh)
    }

    func testSisaPercobaanMenghitungMundurSampaiTerkunci() {
        XCTAssertEqual(p.sisa(kegagalan: [], sekarang: m(0)), 5)
        XCTAssertEqual(p.sisa(kegagalan: [m(0)], sekarang: m(0)), 4)
        XCTAssertEqual(p.sisa(kegagalan: [m(0), m(1), m(2), m(3)], sekarang: m(3)), 1)
        XCTAssertEqual(p.sisa(kegagalan: [m(0), m(1), m(2), m(3), m(4)], sekarang: m(4)), 0, "locked")
        // a failure older than the window no longer counts against the next tries
        XCTAssertEqual(p.sisa(kegagalan: [m(0), m(10)], sekarang: m(15)), 4)
        // the count agrees with the lock: `sisa` more failures now lock, one fewer does not
        for n in 0..<5 {
            let gagal = (0..<n).map { m(Double($0)) }
            let sisa = p.sisa(kegagalan: gagal, sekarang: m(5))
            XCTAssertEqual(p.status(kegagalan: gagal + Array(repeating: m(5), count: sisa), sekarang: m(5)), .terkunci(sampai: m(20)))
            XCTAssertEqual(p.status(kegagalan: gagal + Array(repeating: m(5), count: sisa - 1), sekarang: m(5)), .boleh)
        }
    }

    func testPesanGagalMenyebutSisaPercobaan() {
        XCTAssertEqual(LoginGagal().pesan, "Nama pengguna atau kata sandi salah.")
        XCTAssertEqual(LoginGagal(sisa: 3).pesan, "Nama pengguna atau kata sandi salah. Sisa 3 kali percobaan sebelum akun ini dikunci 15 menit.")
        XCTAssertEqual(LoginGagal(sisa: 0).pesan, "Nama pengguna atau kata sandi salah. Akun ini sekarang dikunci 15 menit.")
    }

    func testBatasAlamatJauhDiAtasBatasAkun() {
        XCTAssertGreaterThanOrEqual(PembatasLogin.alamat.batas, 20 * PembatasLogin.akun.batas)
        XCTAssertEqual(PembatasLogin.alamat.status(kegagalan: (0..<99).map { m(Double($0) / 10) }, sekarang: m(10)), .boleh)
    }

    func testKuncKeduaMemperpanjang() {
        let gagal = [m(0), m(1), m(2), m(3), m(4), m(20), m(21), m(22), m(23), m(24)]
        XCTAssertEqual(p.status(kegagalan: gagal, sekarang: m(25)), .terkunci(sampai: m(39)))
        XCTAssertGreaterThanOrEqual(p.rentangRiwayat, 30 * 60)
    }
}

final class TanggalIndonesiaTests: XCTestCase {
    func tanggal(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    /// The arithmetic ISO 8601 writer agrees with Foundation's formatter, second by second
    /// around WIB midnight, on leap days, and across 1950–2100.
    func testISO8601WIBSamaDenganFormatterFoundation() {
        let f = ISO8601DateFormatter()
        f.timeZone = TanggalIndonesia.wib
        var waktu: [TimeInterval] = [0, -1, 951_757_200 - 7 * 3600, 1_709_164_799, 1_715_842_800 - 25_200]
        waktu += (0..<400).map { -631_152_000 + Double($0) * 18_934_567.25 } // 1950 … 2190 in uneven steps
        waktu += (-3...3).map { 1_715_792_400 + Double($0) } // 00:00:00 WIB on 16 May 2024 ± 3 s
        for t in waktu {
            let d = Date(timeIntervalSince1970: t)
            XCTAssertEqual(TanggalIndonesia.iso8601(d), f.string(from: d), "\(t)")
        }
        XCTAssertEqual(TanggalIndonesia.iso8601(Date(timeIntervalSince1970: 1_715_842_800 + 0.9)), "2024-05-16T14:00:00+07:00")
    }

    func testTanggalPanjangDalamWIB() {
        XCTAssertEqual(TanggalIndonesia.panjang(tanggal("2024-05-16T03:00:00Z")), "Kamis, 16 Mei 2024")
        // 17:30 UTC is already the next day in WIB.
        XCTAssertEqual(TanggalIndonesia.panjang(tanggal("2024-05-15T17:30:00Z")), "Kamis, 16 Mei 2024")
        XCTAssertEqual(TanggalIndonesia.tanpaHari(tanggal("2024-05-15T17:30:00Z")), "16 Mei 2024", "WIB, not UTC")
        XCTAssertEqual(TanggalIndonesia.panjang(tanggal("2024-05-15T16:59:59Z")), "Rabu, 15 Mei 2024")
        XCTAssertEqual(TanggalIndonesia.panjang(tanggal("2026-03-20T02:00:00Z")), "Jumat, 20 Maret 2026")
        XCTAssertEqual(TanggalIndonesia.panjang(tanggal("2026-11-29T02:00:00Z")), "Minggu, 29 November 2026")
        XCTAssertEqual(TanggalIndonesia.panjang(tanggal("2027-01-02T00:00:00Z")), "Sabtu, 2 Januari 2027")
    }

    func testDenganJam() {
        XCTAssertEqual(TanggalIndonesia.denganJam(tanggal("2024-05-16T07:05:00Z")), "Kamis, 16 Mei 2024 14.05 WIB")
        XCTAssertEqual(TanggalIndonesia.jam(tanggal("2024-05-16T17:00:00Z")), "00.00 WIB")
    }
}
