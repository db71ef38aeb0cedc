import Foundation
import XCTest
@testable import SIKIMCore

/// The guided chat (issue 21): each step, the shortcuts, expiry, and what a citizen may do.
final class PercakapanTests: XCTestCase {
    let awal = Date(timeIntervalSince1970: 1_775_000_000)
    let kramatwatu = PencocokDesa.Desa(kode: "36.04.05.2001", nama: "Kramatwatu", kecamatan: "Kramatwatu")
    let desa = [
        PencocokDesa.Desa(kode: "36.04.05.2001", nama: "Kramatwatu", kecamatan: "Kramatwatu"),
        PencocokDesa.Desa(kode: "36.04.05.2002", nama: "Margasana", kecamatan: "Kramatwatu"),
        PencocokDesa.Desa(kode: "36.04.10.2003", nama: "Sukajadi", kecamatan: "Carenang"),
        PencocokDesa.Desa(kode: "36.04.11.2004", nama: "Sukajadi", kecamatan: "Cikande"),
    ]

    func konteks(_ kanal: JenisKanal = .whatsapp, menit: Double = 0) -> Percakapan.Konteks {
        let desa = desa
        return Percakapan.Konteks(
            kanal: kanal,
            kategori: [Percakapan.Kategori(kode: "infrastruktur", nama: "Infrastruktur", pertanyaan: []),
                       Percakapan.Kategori(kode: "perizinan", nama: "Perizinan", pertanyaan: [
                           Pertanyaan(kode: "nama_usaha", label: "Nama usaha", jenis: .teks, wajib: true),
                           Pertanyaan(kode: "catatan", label: "Catatan", jenis: .teks, wajib: false)])],
            desa: PencocokDesa(desa), desaDiTitik: { lat, _ in lat < -6 ? desa[0] : nil }, desaKim: kramatwatu,
            namaDesa: { k in desa.first { $0.kode == k } }, maksFoto: 3, sekarang: awal.addingTimeInterval(menit * 60))
    }

    func lanjut(_ p: Percakapan?, _ isi: PesanMasuk.Isi, pengurus: Bool = true, _ k: Percakapan.Konteks? = nil) -> Percakapan.Hasil {
        Percakapan.lanjut(p, isi, pengurus: pengurus, k ?? konteks())
    }

    func testAlurLengkapSampaiKonfirmasi() throws {
        var h = lanjut(nil, .teks("lapor"))
        XCTAssertEqual(h.percakapan?.langkah, .kategori)
        XCTAssertEqual(h.balasan.first?.pilihan.map(\.id), ["kategori:infrastruktur", "kategori:perizinan"])
        h = lanjut(h.percakapan, .teks("2"))
        XCTAssertEqual(h.percakapan?.draf.kategori, "perizinan", "a typed number picks the offered choice (SMS)")
        XCTAssertEqual(h.percakapan?.langkah, .isi)
        h = lanjut(h.percakapan, .teks("Pabrik plastik beroperasi tanpa papan izin. Limbahnya ke sawah."))
        XCTAssertEqual(h.percakapan?.langkah, .pertanyaan("nama_usaha"), "only the required question is asked")
        h = lanjut(h.percakapan, .teks("CV Maju Plastik"))
        XCTAssertEqual(h.percakapan?.langkah, .foto)
        h = lanjut(h.percakapan, .foto(media: "M1", keterangan: nil))
        h = lanjut(h.percakapan, .foto(media: "M2", keterangan: nil))
        XCTAssertEqual(h.percakapan?.draf.foto, ["M1", "M2"])
        XCTAssertEqual(h.percakapan?.langkah, .foto)
        h = lanjut(h.percakapan, .teks("LANJUT"))
        XCTAssertEqual(h.percakapan?.langkah, .lokasi)
        h = lanjut(h.percakapan, .teks("sukajadi"))
        XCTAssertEqual(h.percakapan?.langkah, .pilihDesa, "two desa share the name: the person chooses")
        XCTAssertEqual(h.balasan.first?.pilihan.map(\.judul), ["Sukajadi, Kec. Carenang", "Sukajadi, Kec. Cikande"])
        h = lanjut(h.percakapan, .pilihan(id: "desa:36.04.11.2004", judul: "Sukajadi"))
        XCTAssertEqual(h.percakapan?.langkah, .konfirmasi)
        XCTAssertTrue(h.balasan[0].teks.contains("Desa: Sukajadi, Kec. Cikande"))
        let draf = try XCTUnwrap(h.percakapan?.draf)
        h = lanjut(h.percakapan, .teks("ya"))
        XCTAssertNil(h.percakapan)
        XCTAssertEqual(h.akibat, .kirimLaporan(draf))
        XCTAssertEqual(draf.judul, "Pabrik plastik beroperasi tanpa papan izin")
        XCTAssertEqual(draf.jawaban, ["nama_usaha": ["CV Maju Plastik"]])
    }

    func testLokasiDariTitikAtauDesaKim() {
        var h = lanjut(nil, .teks("LAPOR Jembatan bambu putus sejak kemarin sore"))
        h = lanjut(h.percakapan, .pilihan(id: "kategori:infrastruktur", judul: "Infrastruktur"))
        XCTAssertEqual(h.percakapan?.langkah, .foto, "what happened was given with LAPOR")
        let diFoto = h.percakapan
        h = lanjut(diFoto, .lokasi(lat: -6.06, lon: 106.11))
        XCTAssertEqual(h.percakapan?.draf.desa, "36.04.05.2001", "a pin at the photo step is the location")
        XCTAssertEqual(h.percakapan?.langkah, .konfirmasi)
        h = lanjut(lanjut(diFoto, .teks("lanjut")).percakapan, .teks("LEWATI"))
        XCTAssertEqual(h.percakapan?.draf.desa, "36.04.05.2001", "LEWATI takes the KIM's own desa")
        h = lanjut(lanjut(diFoto, .teks("lanjut")).percakapan, .lokasi(lat: 5, lon: 100))
        XCTAssertEqual(h.percakapan?.langkah, .lokasi, "a pin outside every desa asks for the name")
        XCTAssertEqual(h.percakapan?.draf.lat, 5)
        h = lanjut(h.percakapan, .teks("kramat watu"))
        XCTAssertEqual(h.percakapan?.draf.desa, "36.04.05.2001")
    }

    func testBatalBantuanDanKedaluwarsa() {
        let mulai = lanjut(nil, .teks("lapor"))
        let bantuan = lanjut(mulai.percakapan, .teks("BANTUAN"))
        XCTAssertEqual(bantuan.percakapan, mulai.percakapan, "help keeps the conversation")
        XCTAssertTrue(bantuan.balasan[0].teks.contains("STATUS <nomor laporan>"))
        XCTAssertEqual(bantuan.balasan.last?.teks, "Pilih kategori laporan:", "and asks its question again")
        let batal = lanjut(mulai.percakapan, .teks("batal"))
        XCTAssertNil(batal.percakapan)
        XCTAssertEqual(batal.balasan.map(\.teks), ["Isian laporan dibatalkan."])
        // 31 minutes later the half-written laporan is gone.
        let lama = lanjut(mulai.percakapan, .teks("1"), konteks(menit: 31))
        XCTAssertNil(lama.percakapan)
        XCTAssertTrue(lama.balasan[0].teks.contains("berakhir"))
    }

    func testPerintahSingkat() {
        XCTAssertEqual(lanjut(nil, .teks("STATUS lap-2026-000123")).akibat, .lihatStatus("LAP-2026-000123"))
        XCTAssertEqual(lanjut(nil, .teks("sudah 120")).akibat, .laporkanJangkauan(120))
        XCTAssertEqual(lanjut(nil, .teks("SUDAH banyak")).akibat, .tidakAda)
        XCTAssertEqual(lanjut(nil, .teks("KEGIATAN Rapat pengurus bulanan")).akibat, .catatKegiatan("Rapat pengurus bulanan"))
        XCTAssertEqual(lanjut(nil, .teks("daftar 123 456")).akibat, .daftarkanNomor("123456"))
    }

    func testWargaHanyaBantuanStatusDaftarSelainnyaTriase() {
        XCTAssertEqual(lanjut(nil, .teks("LAPOR jalan rusak"), pengurus: false).akibat, .triase)
        XCTAssertEqual(lanjut(nil, .foto(media: "M", keterangan: nil), pengurus: false).akibat, .triase)
        XCTAssertEqual(lanjut(nil, .teks("SUDAH 100"), pengurus: false).akibat, .triase)
        XCTAssertEqual(lanjut(nil, .teks("status LAP-2026-000001"), pengurus: false).akibat, .lihatStatus("LAP-2026-000001"))
        XCTAssertNil(lanjut(nil, .teks("halo"), pengurus: false).percakapan)
    }

    func testSMSTanpaPinMemintaNamaDesa() {
        var h = lanjut(nil, .teks("LAPOR Jembatan bambu putus sejak kemarin sore"), konteks(.sms))
        h = lanjut(h.percakapan, .teks("1"), konteks(.sms))
        h = lanjut(h.percakapan, .teks("lanjut"), konteks(.sms))
        XCTAssertTrue(h.balasan[0].teks.hasPrefix("Ketik nama desa"), h.balasan[0].teks)
        XCTAssertTrue(h.balasan[0].satuBaris.allSatisfy { PesanSMS.septet(String($0)) != nil }, "GSM-7 only")
        let konfirmasi = lanjut(lanjut(h.percakapan, .teks("kramatwatu"), konteks(.sms)).percakapan, .teks("x"), konteks(.sms)).balasan[0]
        XCTAssertEqual(konfirmasi.satuBaris, "Balas YA untuk mengirim atau BATAL. Periksa laporan Anda: Kategori: Infrastruktur; "
                       + "Isi: Jembatan bambu putus sejak kemarin sore; Foto: 0; Desa: Kramatwatu, Kec. Kramatwatu; Balas YA untuk mengirim atau BATAL. "
                       + "1=Kirim, 2=Batal", "one line, choices numbered")
    }
}

final class PencocokDesaTests: XCTestCase {
    let p = PencocokDesa([
        .init(kode: "1", nama: "Kramatwatu", kecamatan: "Kramatwatu"), .init(kode: "2", nama: "Pejaten", kecamatan: "Kramatwatu"),
        .init(kode: "3", nama: "Pejaten", kecamatan: "Pamarayan"), .init(kode: "4", nama: "Tambiluk", kecamatan: "Petir"),
    ])

    func testCocokPemaaf() {
        XCTAssertEqual(p.cari("kramat watu"), .satu(.init(kode: "1", nama: "Kramatwatu", kecamatan: "Kramatwatu")))
        XCTAssertEqual(p.cari("Desa Kramatwatu"), .satu(.init(kode: "1", nama: "Kramatwatu", kecamatan: "Kramatwatu")))
        XCTAssertEqual(p.cari("kramatwato"), .satu(.init(kode: "1", nama: "Kramatwatu", kecamatan: "Kramatwatu")), "one typo")
        XCTAssertEqual(p.cari("tambi"), .satu(.init(kode: "4", nama: "Tambiluk", kecamatan: "Petir")), "the start of a name")
        guard case .beberapa(let dua) = p.cari("pejaten") else { return XCTFail("ambiguous") }
        XCTAssertEqual(dua.map(\.kode), ["2", "3"])
        XCTAssertEqual(p.cari("jakarta"), .tidakAda)
        XCTAssertEqual(p.cari("ab"), .tidakAda)
    }

    func testJarak() {
        XCTAssertEqual(PencocokDesa.jarak("kitten", "sitting", batas: 5), 3)
        XCTAssertEqual(PencocokDesa.jarak("abc", "abc", batas: 0), 0)
        XCTAssertEqual(PencocokDesa.jarak("abcdef", "zzzzzz", batas: 2), 3, "given up past the limit")
    }
}

final class PesanSMSTests: XCTestCase {
    func testSatuPesanAtauBagianBernomor() {
        XCTAssertEqual(PesanSMS.bagi("Laporan LAP-2026-000001 sudah diverifikasi."), ["Laporan LAP-2026-000001 sudah diverifikasi."])
        XCTAssertEqual(PesanSMS.bagi(String(repeating: "a", count: 160)).count, 1)
        let panjang = (1...60).map { "kata\($0)" }.joined(separator: " ")
        let bagian = PesanSMS.bagi(panjang)
        XCTAssertGreaterThan(bagian.count, 1)
        for (i, b) in bagian.enumerated() {
            XCTAssertTrue(b.hasPrefix("(\(i + 1)/\(bagian.count)) "))
            XCTAssertLessThanOrEqual(PesanSMS.septet(b) ?? 999, 153)
        }
        XCTAssertEqual(bagian.map { String($0.drop { $0 != " " }.dropFirst()) }.joined(separator: " "), panjang, "nothing lost, words whole")
    }

    func testGSM7() {
        XCTAssertEqual(PesanSMS.septet("a€"), 3, "the euro sign costs two")
        XCTAssertNil(PesanSMS.septet("😀"))
        XCTAssertEqual(PesanSMS.sederhanakan("Kamis, 16 Mei – “OK” · …"), "Kamis, 16 Mei - \"OK\" - ...")
        XCTAssertEqual(PesanSMS.bagi(String(repeating: "😀", count: 40)).count, 2, "UCS-2: 70 per message")
    }
}

final class JadwalKanalTests: XCTestCase {
    let t = Date(timeIntervalSince1970: 1_775_000_000)

    func testBatasPenerimaDanHarian() {
        XCTAssertEqual(JadwalKanal.putuskan(kePenerima: [], hariIni: 0, batasHarian: 10, sekarang: t), .kirim)
        let sepuluh = (0..<10).map { t.addingTimeInterval(Double(-60 * $0)) }
        XCTAssertEqual(JadwalKanal.putuskan(kePenerima: sepuluh, hariIni: 10, batasHarian: 100, sekarang: t),
                       .tundaSampai(t.addingTimeInterval(-540 + 600)), "waits until the oldest leaves the window")
        XCTAssertEqual(JadwalKanal.putuskan(kePenerima: [], hariIni: 10, batasHarian: 10, sekarang: t), .tundaSampai(Tanggal(t).tambahHari(1).awal))
        XCTAssertEqual(JadwalKanal.tunda(setelahGagalKe: 3), 120)
        XCTAssertTrue(JadwalKanal.menyerah(setelahGagalKe: 6))
    }

    func testJendelaWhatsApp() {
        XCTAssertTrue(JendelaWhatsApp.terbuka(pesanTerakhir: t, sekarang: t.addingTimeInterval(23 * 3600)))
        XCTAssertFalse(JendelaWhatsApp.terbuka(pesanTerakhir: t, sekarang: t.addingTimeInterval(24 * 3600)))
        XCTAssertFalse(JendelaWhatsApp.terbuka(pesanTerakhir: nil, sekarang: t))
    }

    func testAlamatDanPoligon() {
        XCTAssertEqual(AlamatKanal(kanal: .whatsapp, nomor: "6281234567890")?.nomor, "+6281234567890")
        XCTAssertEqual(AlamatKanal(kanal: .sms, nomor: "1708"), nil, "a short code is no one's number")
        XCTAssertEqual(AlamatKanal(teks: "sms:+6281234567890")?.nomorInternasional, "6281234567890")
        let kotak = Poligon(cincin: [[(0, 0), (10, 0), (10, 10), (0, 10)], [(4, 4), (6, 4), (6, 6), (4, 6)]])
        XCTAssertTrue(kotak.memuat(lat: 2, lon: 2))
        XCTAssertFalse(kotak.memuat(lat: 5, lon: 5), "in the hole")
        XCTAssertFalse(kotak.memuat(lat: 11, lon: 2))
    }
}

final class KabarKanalTests: XCTestCase {
    func testPesanTetapSatuSMS() {
        for teks in [KabarKanal.pesanWargaDiterima, KabarKanal.laporanTercatat("LAP-2026-000123"),
                     KabarKanal.pesanDijadikanLaporan("LAP-2026-000123")] + AlasanAbaikanPesan.allCases.compactMap(\.balasan) {
            XCTAssertEqual(PesanSMS.bagi(teks).count, 1, teks)
        }
    }

    func testKabarPelaporHanyaNomorTanpaIdentitas() {
        let k = KabarKanal.untukPelapor(.laporanTidakValid(nomor: "LAP-2026-000009"), opd: [], alasan: "Hoaks", hasil: nil, catatan: nil)
        XCTAssertEqual(k, "Laporan LAP-2026-000009 dinyatakan tidak valid. Alasan: Hoaks. Informasi yang belum terverifikasi tidak ditindaklanjuti.")
        XCTAssertNil(KabarKanal.untukPelapor(.laporanBaru(nomor: "X"), opd: [], alasan: nil, hasil: nil, catatan: nil), "staff notices stay in the app")
        XCTAssertEqual(KabarKanal.untukPelapor(.laporanSampaiOPD(nomor: "L"), opd: ["Dinas PUPR"], alasan: nil, hasil: nil, catatan: nil),
                       "Laporan L diteruskan kepada Dinas PUPR untuk ditindaklanjuti.")
    }
}

final class AturanNomorKanalTests: XCTestCase {
    func testKodeBerlakuSingkatDanMatiSetelahSalahBerulang() {
        let t = Date(timeIntervalSince1970: 1_775_000_000)
        let h: (String) -> String = { "h" + $0 }
        func cocok(_ kode: String, salah: Int = 0, menit: Double = 0) -> Bool {
            AturanNomorKanal.cocok(dikirim: kode, hashTersimpan: "h123456", berlaku: t.addingTimeInterval(AturanNomorKanal.umurKode),
                                   salah: salah, sekarang: t.addingTimeInterval(menit * 60), sha256: h)
        }
        XCTAssertTrue(cocok("123456"))
        XCTAssertFalse(cocok("123457"))
        XCTAssertFalse(cocok("123456", menit: 31), "expired")
        XCTAssertTrue(cocok("123456", salah: 4))
        XCTAssertFalse(cocok("123456", salah: 5), "dead after five wrong tries, even the right one")
        XCTAssertFalse(AturanNomorKanal.cocok(dikirim: "1", hashTersimpan: nil, berlaku: t, salah: 0, sekarang: t, sha256: h))
    }
}
