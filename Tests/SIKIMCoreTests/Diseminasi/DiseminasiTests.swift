import Foundation
import XCTest
@testable import SIKIMCore

final class DiseminasiTests: XCTestCase {
    let hari = Tanggal(iso: "2026-05-10")!

    func testSasaran() {
        let kim = UUID(), desa = KodeWilayah("36.04.05.2001")!
        XCTAssertTrue(SasaranMateri.semua.mencakup(kim: kim, wilayah: desa))
        XCTAssertTrue(SasaranMateri.kecamatan([KodeWilayah("36.04.05")!]).mencakup(kim: kim, wilayah: desa))
        XCTAssertTrue(SasaranMateri.kecamatan([KodeWilayah("36.04.05")!]).mencakup(kim: kim, wilayah: KodeWilayah("36.04.05")!))
        XCTAssertFalse(SasaranMateri.kecamatan([KodeWilayah("36.04.06")!]).mencakup(kim: kim, wilayah: desa))
        XCTAssertTrue(SasaranMateri.kim([kim]).mencakup(kim: kim, wilayah: desa))
        XCTAssertFalse(SasaranMateri.kim([UUID()]).mencakup(kim: kim, wilayah: desa))
    }

    func testHanyaPengurusKimSasaranYangMelapor() {
        let kim = UUID(), desa = KodeWilayah("36.04.05.2001")!
        let penugasan: [Penugasan] = [.admin, .verifikator, .operatorKecamatan(KodeWilayah("36.04.05")!), .operatorDesa(desa),
                                      .pengurusKim(kim: kim, wilayah: desa), .pengurusKim(kim: UUID(), wilayah: desa), .opd(kode: "dlh")]
        let boleh = penugasan.map { AturanDiseminasi.bolehMelaporkan(Aktor(id: UUID(), penugasan: $0), kimSasaran: kim, statusKim: .aktif) }
        XCTAssertEqual(boleh, [false, false, false, false, true, false, false])
        XCTAssertFalse(AturanDiseminasi.bolehMelaporkan(nil, kimSasaran: kim, statusKim: .aktif))
        let sendiri = Aktor(id: UUID(), penugasan: .pengurusKim(kim: kim, wilayah: desa))
        XCTAssertFalse(AturanDiseminasi.bolehMelaporkan(sendiri, kimSasaran: kim, statusKim: .dibekukan))
        XCTAssertFalse(AturanDiseminasi.bolehMelaporkan(sendiri, kimSasaran: kim, statusKim: .dibubarkan))
    }

    func testCakupan() {
        let a = KodeWilayah("36.04.05")!, b = KodeWilayah("36.04.06")!
        let k = (0..<5).map { _ in UUID() }
        let p: [CakupanMateri.Penerima] = [
            .init(kim: k[0], kecamatan: a, status: .disebarkan, jangkauan: 120),
            .init(kim: k[1], kecamatan: a, status: .dibaca, jangkauan: 0),
            .init(kim: k[2], kecamatan: a, status: .terkirim, jangkauan: 0),
            .init(kim: k[3], kecamatan: b, status: .disebarkan, jangkauan: 80),
            .init(kim: k[4], kecamatan: b, status: .disebarkan, jangkauan: 300),
        ]
        let c = CakupanMateri.hitung(p, batasWaktu: hari, hariIni: hari)
        XCTAssertEqual([c.sasaran, c.dibaca, c.disebarkan, c.jangkauan, c.persen], [5, 4, 3, 500, 60])
        XCTAssertEqual(c.perKecamatan.map(\.disebarkan), [1, 2])
        XCTAssertEqual(c.perKecamatan.map(\.jangkauan), [120, 380])
        XCTAssertEqual(c.terlambat, [], "not past the deadline on its last day")
        XCTAssertEqual(Set(CakupanMateri.hitung(p, batasWaktu: hari, hariIni: hari.tambahHari(1)).terlambat), [k[1], k[2]])
        XCTAssertEqual(CakupanMateri.hitung([], batasWaktu: hari, hariIni: hari).persen, 0)
        let dua = Array(p.prefix(3))
        XCTAssertEqual(CakupanMateri.hitung(dua, batasWaktu: hari, hariIni: hari).persen, 33, "rounded down")
    }

    func testValidasi() throws {
        let m = try AturanDiseminasi.materi(judul: "Vaksinasi", ringkasan: "Jadwal", isi: "Isi", jenis: "layanan_publik",
                                            batasWaktu: "2026-05-20", hariIni: hari)
        XCTAssertEqual(m.jenis, .layananPublik)
        XCTAssertThrowsError(try AturanDiseminasi.materi(judul: "", ringkasan: "", isi: "", jenis: "x", batasWaktu: "2026-05-01", hariIni: hari)) {
            XCTAssertEqual(($0 as? KesalahanIsian)?.butir.map(\.bidang), ["judul", "ringkasan", "isi", "jenis", "batas_waktu"])
        }
        let l = try AturanDiseminasi.penyebaran(saluran: ["grup_whatsapp", "pengajian", "grup_whatsapp"], tanggal: "2026-05-09",
                                                jangkauan: "150", catatan: nil, diterbitkan: Tanggal(iso: "2026-05-08")!, hariIni: hari)
        XCTAssertEqual(l.saluran, [.grupWhatsapp, .pengajian])
        XCTAssertThrowsError(try AturanDiseminasi.penyebaran(saluran: ["burung_merpati"], tanggal: "2026-05-07", jangkauan: "0",
                                                             catatan: nil, diterbitkan: Tanggal(iso: "2026-05-08")!, hariIni: hari)) {
            XCTAssertEqual(($0 as? KesalahanIsian)?.butir.map(\.bidang), ["saluran", "tanggal", "jangkauan"])
        }
        XCTAssertTrue(AturanDiseminasi.bolehMenerbitkan(Aktor(id: UUID(), penugasan: .verifikator)))
        XCTAssertFalse(AturanDiseminasi.bolehMenerbitkan(Aktor(id: UUID(), penugasan: .operatorKecamatan(KodeWilayah("36.04.05")!))))
    }
}

final class PemberitahuanTests: XCTestCase {
    func testPenerimaSetiapPemberitahuan() {
        XCTAssertEqual(Pemberitahuan.laporanBaru(nomor: "L1").penerima, [.verifikator])
        func penerima(_ a: AksiLaporan, _ hasil: StatusLaporan, opd: [String] = []) -> [Pemberitahuan.Penerima] {
            Pemberitahuan.dari(a, nomor: "L1", hasil: hasil, opd: opd).flatMap(\.penerima)
        }
        XCTAssertEqual(penerima(.tanya, .klarifikasi), [.pelapor])
        XCTAssertEqual(penerima(.teruskan, .diteruskan, opd: ["dpmptsp", "bpbd"]), [.opd("dpmptsp"), .opd("bpbd"), .pelapor])
        XCTAssertEqual(penerima(.selesaikan, .selesai), [.pelapor])
        XCTAssertEqual(penerima(.publikasikan, .dipublikasikan), [])
        // the reporter hears every step of their laporan (issue 19)
        XCTAssertEqual(penerima(.konfirmasi, .valid), [.pelapor], "verified")
        XCTAssertEqual(penerima(.konfirmasi, .masuk), [], "a first of two confirmations is no verification yet")
        XCTAssertEqual(penerima(.terima, .diteruskan), [.pelapor], "acknowledged")
        for a in [AksiLaporan.konfirmasi, .tolak, .teruskan, .terima, .selesaikan] {
            let hasil: StatusLaporan = [.konfirmasi: .valid, .tolak: .tidakValid, .teruskan: .diteruskan, .terima: .diteruskan, .selesaikan: .selesai][a]!
            XCTAssertTrue(penerima(a, hasil, opd: ["dlh"]).contains(.pelapor), "\(a)")
        }
        let kim = UUID()
        XCTAssertEqual(Pemberitahuan.materiBaru(judul: "x", kim: [kim]).penerima, [.pengurus(kim: kim)])
        XCTAssertEqual(Pemberitahuan.tenggatLewat(nomor: "L1", tahap: .verifikasi, opd: ["dlh"]).penerima, [.verifikator])
        XCTAssertEqual(Pemberitahuan.tenggatLewat(nomor: "L1", tahap: .tanggapanOPD, opd: ["dlh"]).penerima, [.opd("dlh")])
        let desa = KodeWilayah("36.04.05.2001")!
        XCTAssertEqual(Pemberitahuan.kimTidakAktif(nama: "KIM X", wilayah: desa).penerima, [.admin, .operatorWilayah(desa)])
        XCTAssertEqual(Pemberitahuan.kimTidakAktif(nama: "KIM Desa Kramatwatu", wilayah: desa).judul,
                       "KIM Desa Kramatwatu kini tidak aktif dan perlu pembinaan.")
        XCTAssertEqual(Pemberitahuan.dari(.teruskan, nomor: "LAP-2026-000001", hasil: .diteruskan, opd: ["dpmptsp"]).first?.judul,
                       "Laporan LAP-2026-000001 diteruskan kepada OPD Anda untuk ditindaklanjuti.")
    }
}

final class JadwalWebhookTests: XCTestCase {
    func testTundaBertambahDanMenyerah() throws {
        XCTAssertEqual((1...5).map { JadwalWebhook.tunda(setelahGagalKe: $0) }, [30, 60, 120, 240, 480])
        XCTAssertFalse(JadwalWebhook.menyerah(setelahGagalKe: 5))
        XCTAssertTrue(JadwalWebhook.menyerah(setelahGagalKe: 6))
        XCTAssertEqual(try JadwalWebhook.periksaURL(" https://gateway.example/kim "), "https://gateway.example/kim")
        XCTAssertNil(try JadwalWebhook.periksaURL(""))
        for salah in ["ftp://x/y", "javascript:alert(1)", "http://", "gateway/kim"] {
            XCTAssertThrowsError(try JadwalWebhook.periksaURL(salah), salah)
        }
    }
}
