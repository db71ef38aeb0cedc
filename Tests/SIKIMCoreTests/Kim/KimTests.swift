import Foundation
import XCTest
@testable import SIKIMCore

final class SiklusKimTests: XCTestCase {
    let desaA = KodeWilayah("36.04.05.2001")!, desaB = KodeWilayah("36.04.06.2001")!
    let kecA = KodeWilayah("36.04.05")!, kecB = KodeWilayah("36.04.06")!
    let hariIni = Tanggal(iso: "2024-05-20")!
    let kimID = UUID()

    func aktor(_ p: Penugasan) -> Aktor { Aktor(id: UUID(), penugasan: p) }
    var admin: Aktor { aktor(.admin) }

    func keadaan(_ s: StatusKim, _ t: TingkatKim = .desa, kurang: [String] = []) -> KeadaanKim {
        KeadaanKim(status: s, tingkat: t, wilayah: t == .desa ? desaA : kecA,
                   tanggalPembentukan: Tanggal(iso: "2024-05-16"), kekuranganPembentukan: kurang)
    }

    let sk = DataTransisi(catatan: "ok", nomorSK: "141/12/Kpts/2024", tanggalSK: Tanggal(iso: "2024-05-18"))

    /// Every (action, state, level) pair: where it leads, or that it is refused.
    func testPengesahBerikutnyaMenurutStatusDanTingkat() {
        let desa = KodeWilayah("36.04.05.2001")!, kec = KodeWilayah("36.04.05")!
        XCTAssertEqual(SiklusKim.pengesahBerikutnya(status: .diajukan, tingkat: .desa, wilayah: desa), desa)
        XCTAssertEqual(SiklusKim.pengesahBerikutnya(status: .disahkanDesa, tingkat: .desa, wilayah: desa), kec)
        XCTAssertEqual(SiklusKim.pengesahBerikutnya(status: .diajukan, tingkat: .kecamatan, wilayah: kec), kec)
        for s in [StatusKim.draf, .aktif, .dibekukan, .dibubarkan] {
            XCTAssertNil(SiklusKim.pengesahBerikutnya(status: s, tingkat: .desa, wilayah: desa), "\(s)")
        }
    }

    func testSetiapPasanganAksiDanStatus() {
        let harapDesa: [AksiKim: [StatusKim: [StatusKim]]] = [
            .ajukan: [.draf: [.diajukan]],
            .sahkanDesa: [.diajukan: [.disahkanDesa]],
            .sahkanKecamatan: [.disahkanDesa: [.disahkanKecamatan, .aktif]],
            .kembalikan: [.diajukan: [.draf], .disahkanDesa: [.draf]],
            .bekukan: [.aktif: [.dibekukan]],
            .aktifkanKembali: [.dibekukan: [.aktif]],
            .bubarkan: [.draf: [.dibubarkan], .diajukan: [.dibubarkan], .disahkanDesa: [.dibubarkan],
                        .disahkanKecamatan: [.dibubarkan], .aktif: [.dibubarkan], .dibekukan: [.dibubarkan]],
        ]
        var harapKec = harapDesa
        harapKec[.sahkanDesa] = [:]
        harapKec[.sahkanKecamatan] = [.diajukan: [.disahkanKecamatan, .aktif]]
        for (tingkat, harap) in [(TingkatKim.desa, harapDesa), (.kecamatan, harapKec)] {
            for aksi in AksiKim.allCases {
                for s in StatusKim.allCases {
                    let hasil = try? SiklusKim.jalankan(aksi, pada: keadaan(s, tingkat), oleh: admin, data: sk, hariIni: hariIni)
                    XCTAssertEqual(hasil?.langkah, harap[aksi]?[s], "\(tingkat) \(aksi) dari \(s)")
                }
            }
        }
    }

    func testPesanPenolakanMenjelaskanAlasan() {
        func pesan(_ a: AksiKim, _ k: KeadaanKim, _ oleh: Aktor?, _ d: DataTransisi? = nil) -> String? {
            do { _ = try SiklusKim.jalankan(a, pada: k, oleh: oleh, data: d ?? sk, hariIni: hariIni); return nil } catch { return error.pesan }
        }
        XCTAssertEqual(pesan(.sahkanKecamatan, keadaan(.diajukan), admin), "KIM desa harus disahkan kepala desa sebelum disahkan camat.")
        XCTAssertEqual(pesan(.sahkanDesa, keadaan(.diajukan, .kecamatan), admin), "KIM tingkat kecamatan tidak melalui pengesahan desa.")
        XCTAssertEqual(pesan(.ajukan, keadaan(.aktif), admin), "Hanya KIM berstatus draf yang dapat diajukan; KIM berstatus aktif.")
        XCTAssertEqual(pesan(.ajukan, keadaan(.draf, kurang: ["Pengurus harus memiliki satu ketua."]), admin),
                       "KIM belum dapat diajukan: Pengurus harus memiliki satu ketua.")
        XCTAssertEqual(pesan(.sahkanDesa, keadaan(.diajukan), admin, DataTransisi()), "Nomor SK pengesahan wajib diisi.")
        XCTAssertEqual(pesan(.sahkanDesa, keadaan(.diajukan), admin, DataTransisi(nomorSK: "1")), "Tanggal SK pengesahan wajib diisi.")
        XCTAssertEqual(pesan(.sahkanDesa, keadaan(.diajukan), admin, DataTransisi(nomorSK: "1", tanggalSK: Tanggal(iso: "2024-05-21"))),
                       "Tanggal SK tidak boleh di masa depan.")
        XCTAssertEqual(pesan(.sahkanDesa, keadaan(.diajukan), admin, DataTransisi(nomorSK: "1", tanggalSK: Tanggal(iso: "2024-05-15"))),
                       "Tanggal SK tidak boleh sebelum tanggal pembentukan KIM.")
        XCTAssertEqual(pesan(.bekukan, keadaan(.aktif), admin, DataTransisi(catatan: "  ")), "Alasan wajib diisi untuk bekukan.")
        XCTAssertEqual(pesan(.sahkanDesa, keadaan(.diajukan), aktor(.operatorDesa(desaB))),
                       "Pengesahan desa hanya oleh operator desa tersebut atau admin kabupaten.")
        XCTAssertEqual(pesan(.sahkanKecamatan, keadaan(.disahkanDesa), aktor(.operatorKecamatan(kecB))),
                       "Pengesahan kecamatan hanya oleh operator kecamatan tersebut atau admin kabupaten.")
    }

    /// Who may do each step, in the KIM's own area and in another.
    func testSiapaBolehMelakukanSetiapLangkah() {
        let pelaku: [(String, Aktor?)] = [
            ("publik", nil), ("admin", admin), ("verifikator", aktor(.verifikator)),
            ("opkec sendiri", aktor(.operatorKecamatan(kecA))), ("opkec lain", aktor(.operatorKecamatan(kecB))),
            ("opdesa sendiri", aktor(.operatorDesa(desaA))), ("opdesa lain", aktor(.operatorDesa(desaB))),
            ("pengurus", aktor(.pengurusKim(kim: kimID, wilayah: desaA))), ("opd", aktor(.opd(kode: "bpbd"))),
        ]
        // publik, admin, verif, opkec sendiri, opkec lain, opdesa sendiri, opdesa lain, pengurus, opd
        let harap: [AksiKim: [Bool]] = [
            .ajukan:          [false, true, false, true, false, true, false, false, false],
            .sahkanDesa:      [false, true, false, false, false, true, false, false, false],
            .sahkanKecamatan: [false, true, false, true, false, false, false, false, false],
            .kembalikan:      [false, true, false, true, false, true, false, false, false],
            .bekukan:         [false, true, false, true, false, false, false, false, false],
            .aktifkanKembali: [false, true, false, true, false, false, false, false, false],
            .bubarkan:        [false, true, false, true, false, false, false, false, false],
        ]
        let k = keadaan(.draf)
        for (aksi, baris) in harap {
            for ((nama, a), boleh) in zip(pelaku, baris) {
                XCTAssertEqual(SiklusKim.boleh(aksi, k, a), boleh, "\(nama) \(aksi)")
            }
        }
    }

    func testAksiTersediaUntukTombol() {
        XCTAssertEqual(SiklusKim.tersedia(keadaan(.diajukan), untuk: aktor(.operatorDesa(desaA))), [.sahkanDesa, .kembalikan])
        XCTAssertEqual(SiklusKim.tersedia(keadaan(.disahkanDesa), untuk: aktor(.operatorKecamatan(kecA))),
                       [.sahkanKecamatan, .kembalikan, .bubarkan])
        XCTAssertEqual(SiklusKim.tersedia(keadaan(.aktif), untuk: aktor(.verifikator)), [])
    }

    func testAksiDariStatusTujuan() {
        XCTAssertEqual(SiklusKim.aksi(menuju: .aktif, dari: .dibekukan), .aktifkanKembali)
        XCTAssertEqual(SiklusKim.aksi(menuju: .aktif, dari: .disahkanDesa), .sahkanKecamatan)
        XCTAssertEqual(SiklusKim.aksi(menuju: .disahkanKecamatan, dari: .diajukan), .sahkanKecamatan)
        XCTAssertEqual(SiklusKim.aksi(menuju: .draf, dari: .diajukan), .kembalikan)
    }
}

final class PengurusTests: XCTestCase {
    let acuan = Tanggal(iso: "2024-05-16")!

    func buat(nama: String = "Ahmad Fauzi", jabatan: String = "ketua", jk: String = "L", hp: String = "0812-3456-7890",
              email: String? = nil, lahir: String = "1985", mulai: String? = nil, selesai: String? = nil) throws(KesalahanIsian) -> Pengurus {
        try AturanPengurus.pengurus(nama: nama, jabatan: jabatan, keterangan: nil, jenisKelamin: jk, nomorHP: hp, email: email,
                                    tahunLahir: lahir, masaBaktiMulai: mulai, masaBaktiSelesai: selesai, acuan: acuan)
    }

    func bidang(_ f: () throws(KesalahanIsian) -> Pengurus) -> [String] {
        do { _ = try f(); return [] } catch { return error.butir.map(\.bidang) }
    }

    func testPengurusSahDenganMasaBaktiBawaanTigaTahun() throws {
        let p = try buat()
        XCTAssertEqual(p.nomorHP, "+6281234567890")
        XCTAssertEqual(p.masaBaktiMulai, acuan)
        XCTAssertEqual(p.masaBaktiSelesai, Tanggal(iso: "2027-05-16"))
    }

    func testPengurusTidakSah() {
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try buat(nama: " ") }, ["nama"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try buat(jabatan: "raja") }, ["jabatan"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try buat(jk: "X") }, ["jenis_kelamin"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try buat(hp: "12345") }, ["nomor_hp"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try buat(email: "bukan-email") }, ["email"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try buat(lahir: "2007") }, ["tahun_lahir"], "17 years old")
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try buat(lahir: "2006") }, [], "18 years old")
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try buat(lahir: "85") }, ["tahun_lahir"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try buat(mulai: "2024-13-01") }, ["masa_bakti_mulai"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try buat(mulai: "2024-05-16", selesai: "2024-05-16") }, ["masa_bakti_selesai"])
    }

    func testSusunanPengurus() {
        XCTAssertEqual(AturanPengurus.kekuranganSusunan([.ketua, .sekretaris, .bendahara]), [])
        XCTAssertEqual(AturanPengurus.kekuranganSusunan([.ketua, .sekretaris]),
                       ["Pengurus minimal 3 orang.", "Pengurus harus memiliki bendahara."])
        XCTAssertEqual(AturanPengurus.kekuranganSusunan([.ketua, .ketua, .sekretaris, .bendahara]),
                       ["Pengurus hanya boleh memiliki satu ketua."])
        XCTAssertEqual(AturanPengurus.kekuranganSusunan([.anggota, .sekretaris, .bendahara]), ["Pengurus harus memiliki satu ketua."])
        let tigaPuluhSatu = [Jabatan.ketua, .sekretaris, .bendahara] + Array(repeating: .anggota, count: 28)
        XCTAssertEqual(AturanPengurus.kekuranganSusunan(tigaPuluhSatu), ["Pengurus paling banyak 30 orang."])
        XCTAssertEqual(AturanPengurus.kekuranganSusunan(Array(tigaPuluhSatu.dropLast())), [])
        XCTAssertEqual(AturanKim.kekuranganPembentukan(tanggal: nil, tempat: "", jabatan: [.ketua, .sekretaris, .bendahara]),
                       ["Tanggal pembentukan belum diisi.", "Tempat pembentukan belum diisi."])
    }

    func testPerubahanPengurus() {
        let lengkap: [Jabatan] = [.ketua, .sekretaris, .bendahara]
        XCTAssertNil(AturanPengurus.alasanPerubahanDitolak(status: .draf, jabatanSesudah: [.ketua]))
        XCTAssertNil(AturanPengurus.alasanPerubahanDitolak(status: .aktif, jabatanSesudah: lengkap + [.anggota]))
        XCTAssertEqual(AturanPengurus.alasanPerubahanDitolak(status: .aktif, jabatanSesudah: [.ketua, .sekretaris]),
                       "Susunan pengurus KIM yang sudah diajukan harus tetap lengkap: Pengurus minimal 3 orang.")
        XCTAssertEqual(AturanPengurus.alasanPerubahanDitolak(status: .dibubarkan, jabatanSesudah: lengkap),
                       "KIM yang sudah dibubarkan tidak dapat diubah.")
        XCTAssertEqual(AturanPengurus.alasanPerubahanDitolak(status: .draf, jabatanSesudah: Array(repeating: .anggota, count: 31)),
                       "Pengurus paling banyak 30 orang.")
    }

    func testMasaBaktiSegeraBerakhir() {
        let hari = Tanggal(iso: "2026-11-29")!
        XCTAssertTrue(AturanPengurus.masaBaktiSegeraBerakhir(hari, hariIni: hari))
        XCTAssertTrue(AturanPengurus.masaBaktiSegeraBerakhir(hari.tambahHari(60), hariIni: hari))
        XCTAssertFalse(AturanPengurus.masaBaktiSegeraBerakhir(hari.tambahHari(61), hariIni: hari))
        XCTAssertFalse(AturanPengurus.masaBaktiSegeraBerakhir(hari.tambahHari(-1), hariIni: hari))
    }

    func testDataKim() throws {
        let d = try AturanKim.data(nama: " KIM Desa Kramatwatu ", alamat: nil, email: "KIM@Contoh.id", telepon: "(0254) 123456",
                                   tanggalPembentukan: "2024-05-16", tempatPembentukan: "Aula Desa", jumlahHadir: "25",
                                   fokus: "Pariwisata, UMKM, pariwisata", hariIni: Tanggal(iso: "2024-06-01")!)
        XCTAssertEqual(d.nama, "KIM Desa Kramatwatu")
        XCTAssertEqual(d.email, "kim@contoh.id")
        XCTAssertEqual(d.telepon, "+62254123456")
        XCTAssertEqual(d.fokus, ["pariwisata", "umkm"])
        do {
            _ = try AturanKim.data(nama: "", alamat: nil, email: nil, telepon: "abc", tanggalPembentukan: "2024-07-01",
                                   tempatPembentukan: nil, jumlahHadir: "nol", fokus: nil, hariIni: Tanggal(iso: "2024-06-01")!)
            XCTFail("harus ditolak")
        } catch {
            XCTAssertEqual(error.butir.map(\.bidang), ["nama", "telepon", "tanggal_pembentukan", "jumlah_hadir"])
        }
    }
}

final class NomorDanTanggalTests: XCTestCase {
    func testNormalisasiNomorHP() throws {
        for (masukan, hasil) in [("0812-3456-7890", "+6281234567890"), ("+62 812 3456 7890", "+6281234567890"),
                                 ("6281234567890", "+6281234567890"), ("0812345678", "+62812345678"),
                                 ("0812.3456.78901", "+62812345678901")] {
            XCTAssertEqual(try NomorTelepon.normalisasi(masukan), hasil, masukan)
        }
        for salah in ["", "12345678", "081234567", "0812345", "08123456789012", "0212345678", "08a23456789", "+1 202 555 0100", "0+812345678"] {
            XCTAssertThrowsError(try NomorTelepon.normalisasi(salah), salah)
        }
        XCTAssertEqual(try NomorTelepon.normalisasi("0254-123456", seluler: false), "+62254123456")
        XCTAssertEqual(NomorTelepon.tampil("+6281234567890"), "0812-3456-7890")
    }

    func testTerbilang() {
        let kasus: [(Int, String)] = [
            (0, "nol"), (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"), (16, "enam belas"),
            (19, "sembilan belas"), (20, "dua puluh"), (21, "dua puluh satu"), (99, "sembilan puluh sembilan"),
            (100, "seratus"), (101, "seratus satu"), (111, "seratus sebelas"), (250, "dua ratus lima puluh"),
            (1000, "seribu"), (1001, "seribu satu"), (1999, "seribu sembilan ratus sembilan puluh sembilan"),
            (2000, "dua ribu"), (2024, "dua ribu dua puluh empat"), (2030, "dua ribu tiga puluh"),
            (11000, "sebelas ribu"), (100000, "seratus ribu"), (1_000_000, "satu juta"), (2_500_000, "dua juta lima ratus ribu"),
        ]
        for (n, teks) in kasus { XCTAssertEqual(Terbilang.angka(n), teks, "\(n)") }
    }

    func testTanggalDalamKata() {
        let t = Tanggal(iso: "2024-05-16")!
        XCTAssertEqual(Terbilang.tanggal(t), "Kamis, enam belas Mei dua ribu dua puluh empat")
        XCTAssertEqual(Terbilang.kalimatTanggal(t), "Pada hari Kamis tanggal enam belas bulan Mei tahun dua ribu dua puluh empat")
        XCTAssertEqual(Terbilang.tanggal(Tanggal(iso: "2026-01-01")!), "Kamis, satu Januari dua ribu dua puluh enam")
        XCTAssertEqual(Terbilang.tanggal(Tanggal(iso: "2025-08-17")!), "Minggu, tujuh belas Agustus dua ribu dua puluh lima")
        XCTAssertEqual(Terbilang.tanggal(Tanggal(iso: "2028-02-29")!), "Selasa, dua puluh sembilan Februari dua ribu dua puluh delapan")
        XCTAssertEqual(Terbilang.tanggal(Tanggal(iso: "2024-12-31")!), "Selasa, tiga puluh satu Desember dua ribu dua puluh empat")
    }

    func testBulan() {
        XCTAssertEqual(Tanggal.bulan("2024-02").map { [$0.awal.iso, $0.akhir.iso] }, ["2024-02-01", "2024-02-29"])
        XCTAssertEqual(Tanggal.bulan("2026-12").map { [$0.awal.iso, $0.akhir.iso] }, ["2026-12-01", "2026-12-31"])
        XCTAssertNil(Tanggal.bulan("2026-13"))
        XCTAssertNil(Tanggal.bulan("2026-4"))
        XCTAssertEqual(TanggalIndonesia.namaBulanTahun(Tanggal(iso: "2026-04-15")!), "April 2026")
    }

    func testTanggalISO() {
        XCTAssertEqual(Tanggal(iso: "2024-02-29")?.iso, "2024-02-29")
        for salah in ["2023-02-29", "2024-13-01", "2024-1-01", "16-05-2024", "2024-05-16T00:00", "", "abcd-ef-gh"] {
            XCTAssertNil(Tanggal(iso: salah), salah)
        }
        XCTAssertEqual(Tanggal(iso: "2024-12-31")!.tambahHari(1).iso, "2025-01-01")
        XCTAssertEqual([Tanggal.digit(0, 2), Tanggal.digit(7, 2), Tanggal.digit(42, 2), Tanggal.digit(123, 2)], ["00", "07", "42", "123"])
        XCTAssertEqual(Tanggal(ISO8601DateFormatter().date(from: "2024-05-15T17:00:00Z")!).iso, "2024-05-16", "midnight WIB")
    }
}

final class JenisBerkasTests: XCTestCase {
    func testDikenaliDariIsiBukanNama() {
        XCTAssertEqual(JenisBerkas.kenali(Array("%PDF-1.7\n".utf8)), .pdf)
        XCTAssertEqual(JenisBerkas.kenali([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]), .jpeg)
        XCTAssertEqual(JenisBerkas.kenali([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]), .png)
        XCTAssertNil(JenisBerkas.kenali(Array("MZ\u{90}\0".utf8)), "a Windows executable renamed .pdf")
        XCTAssertNil(JenisBerkas.kenali([0x7F, 0x45, 0x4C, 0x46]), "an ELF executable")
        XCTAssertNil(JenisBerkas.kenali(Array("%PDF".utf8)), "too short to be a PDF")
        XCTAssertNil(JenisBerkas.kenali(Array("GIF89a".utf8)))
        XCTAssertEqual(JenisBerkas.kenali(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)), .webp)
        XCTAssertNil(JenisBerkas.kenali(Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)), "a WAV file is RIFF too")
        XCTAssertThrowsError(try JenisBerkas.periksa(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8))) {
            XCTAssertEqual(($0 as? KesalahanIsian)?.pesan, "Jenis berkas tidak diterima: unggah PDF, JPEG atau PNG.")
        }
        XCTAssertEqual(try JenisBerkas.periksa(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), terima: JenisBerkas.foto), .webp)
    }

    func testUkuranDanKosong() {
        XCTAssertThrowsError(try JenisBerkas.periksa([UInt8]()))
        let besar = Array("%PDF-".utf8) + [UInt8](repeating: 0, count: JenisBerkas.ukuranMaksimum)
        XCTAssertThrowsError(try JenisBerkas.periksa(besar)) { XCTAssertEqual(($0 as? KesalahanIsian)?.pesan, "Berkas terlalu besar: maksimal 5 MB.") }
        let pas = Array("%PDF-".utf8) + [UInt8](repeating: 0, count: JenisBerkas.ukuranMaksimum - 5)
        XCTAssertEqual(try JenisBerkas.periksa(pas), .pdf)
    }
}

final class RekapPembentukanTests: XCTestCase {
    func w(_ kode: String, _ nama: String) -> Wilayah {
        let k = KodeWilayah(kode)!
        return Wilayah(kode: k, nama: nama, kodeInduk: k.induk?.nilai ?? "36", lat: 0, lon: 0)
    }

    func testRekapDariDataKecil() {
        let wilayah = [w("36.04.05", "Kramatwatu"), w("36.04.05.2001", "A"), w("36.04.05.2002", "B"), w("36.04.05.2003", "C"),
                       w("36.04.06", "Waringinkurung"), w("36.04.06.2001", "D")]
        let kim: [RekapPembentukan.KimRingkas] = [
            .init(wilayah: KodeWilayah("36.04.05.2001")!, status: .aktif),
            .init(wilayah: KodeWilayah("36.04.05.2002")!, status: .draf),
            .init(wilayah: KodeWilayah("36.04.05.2003")!, status: .dibubarkan),
            .init(wilayah: KodeWilayah("36.04.06.2001")!, status: .disahkanDesa),
            .init(wilayah: KodeWilayah("36.04.05")!, status: .diajukan),
        ]
        let t1 = Tanggal(iso: "2024-05-16")!, t2 = Tanggal(iso: "2024-05-18")!
        let peristiwa: [RekapPembentukan.Peristiwa] = [
            .init(kim: "a", tanggal: t1, ke: .diajukan), .init(kim: "a", tanggal: t2, ke: .aktif),
            .init(kim: "d", tanggal: t1, ke: .diajukan), .init(kim: "k", tanggal: t2, ke: .diajukan),
            // returned to draf and submitted again: still formed on the first day
            .init(kim: "d", tanggal: t2, ke: .draf), .init(kim: "d", tanggal: t2, ke: .diajukan),
        ]
        let r = RekapPembentukan.hitung(wilayah: wilayah, kim: kim, peristiwa: peristiwa)
        XCTAssertEqual(r.targetKecamatan, 2)
        XCTAssertEqual(r.targetDesa, 4)
        XCTAssertEqual(r.perStatus[.aktif], 1)
        XCTAssertEqual(r.perStatus[.dibubarkan], 1)
        XCTAssertEqual(r.kimDesaDibentuk, 2, "aktif and disahkan_desa; not draf, not dissolved")
        XCTAssertEqual(r.kimDesaDisahkan, 1)
        XCTAssertEqual(r.kimKecamatanDibentuk, 1)
        XCTAssertEqual(r.kimKecamatanDisahkan, 0)
        XCTAssertEqual(r.perKecamatan.map(\.desaDibentuk), [1, 1])
        XCTAssertEqual(r.perKecamatan.map(\.desaBelum), [2, 0])
        XCTAssertEqual(r.perKecamatan.map(\.statusKimKecamatan), [.diajukan, nil])
        XCTAssertEqual(r.perKecamatan[0].cakupan, 1.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(r.desaTanpaKim.map(\.kode.nilai), ["36.04.05.2002", "36.04.05.2003"], "a draft or a dissolved KIM is no KIM formed")
        XCTAssertEqual(r.desaTanpaKim.count, r.targetDesa - r.kimDesaDibentuk, "the two figures agree")
        XCTAssertEqual(r.desaDraf, [KodeWilayah("36.04.05.2002")!])
        XCTAssertEqual(r.harian.map(\.tanggal), [t1, t2])
        XCTAssertEqual(r.harian.map(\.dibentuk), [2, 1])
        XCTAssertEqual(r.harian.map(\.disahkan), [0, 1])
        XCTAssertEqual(r.harian.map(\.totalDibentuk), [2, 3])
        XCTAssertEqual(r.harian.map(\.totalDisahkan), [0, 1])
    }

    func testKelasCakupan() {
        XCTAssertEqual([0, 0.1, 0.34, 0.67, 0.99, 1].map(RekapPembentukan.kelasCakupan), [0, 1, 2, 3, 3, 4])
    }
}

final class CSVTests: XCTestCase {
    func testBacaKutipKomaDanBarisBaru() throws {
        let t = "a,b,c\r\n\"x, y\",\"kata \"\"kutip\"\"\",\"dua\nbaris\"\n\n1,,3\n"
        XCTAssertEqual(try CSV.baca(t), [["a", "b", "c"], ["x, y", "kata \"kutip\"", "dua\nbaris"], ["1", "", "3"]])
        XCTAssertEqual(try CSV.baca("a,b"), [["a", "b"]])
        XCTAssertEqual(try CSV.baca(""), [])
        XCTAssertThrowsError(try CSV.baca("a\n\"tidak ditutup,b\n"))
    }

    func testTulisBolakBalikDanCegahRumus() throws {
        let data = [["nama", "catatan"], ["KIM, Desa", "\"kutip\"\nbaris"], ["=HYPERLINK(\"x\")", "+62812"]]
        let teks = CSV.tulis(data)
        XCTAssertTrue(teks.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        XCTAssertTrue(teks.contains("'+62812"))
        let balik = try CSV.baca(teks)
        XCTAssertEqual(balik[1], data[1])
        XCTAssertEqual(balik[2], ["'=HYPERLINK(\"x\")", "'+62812"])
    }
}

final class ImporKimTests: XCTestCase {
    let nama = ["36.04.05": "Kramatwatu", "36.04.05.2001": "Kramatwatu", "36.04.05.2002": "Margasana", "36.04.05.2003": "Pejaten"]
    let hariIni = Tanggal(iso: "2024-06-01")!
    var kepala: String { ImporKim.kolom.joined(separator: ",") }

    func baris(_ v: [String: String]) -> String {
        ImporKim.kolom.map { v[$0] ?? "" }.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")
    }

    let lengkap: [String: String] = [
        "tingkat": "desa", "kode_wilayah": "36.04.05.2001", "status": "aktif", "tanggal_pembentukan": "2024-05-16",
        "tempat_pembentukan": "Aula", "nomor_sk_desa": "141/1", "tanggal_sk_desa": "2024-05-17", "nomor_sk_kecamatan": "400/2",
        "tanggal_sk_kecamatan": "2024-05-18", "fokus": "pariwisata; umkm",
        "ketua_nama": "Ahmad", "ketua_jenis_kelamin": "l", "ketua_nomor_hp": "081234567890", "ketua_tahun_lahir": "1980",
        "sekretaris_nama": "Siti", "sekretaris_jenis_kelamin": "P", "sekretaris_nomor_hp": "081234567891", "sekretaris_tahun_lahir": "1990",
        "bendahara_nama": "Dedi", "bendahara_jenis_kelamin": "L", "bendahara_nomor_hp": "081234567892", "bendahara_tahun_lahir": "1985",
    ]

    func testBarisLengkapDiterima() throws {
        let hasil = try ImporKim.periksa(csv: "\u{FEFF}" + kepala + "\n" + baris(lengkap), namaWilayah: nama, sudahAdaKim: [], hariIni: hariIni)
        XCTAssertEqual(hasil.count, 1)
        XCTAssertEqual(hasil[0].kesalahan, [])
        let k = try XCTUnwrap(hasil[0].kim)
        XCTAssertEqual(k.data.nama, "KIM Desa Kramatwatu")
        XCTAssertEqual(k.data.fokus, ["pariwisata", "umkm"])
        XCTAssertEqual(k.pengurus.map(\.jabatan), [.ketua, .sekretaris, .bendahara])
        XCTAssertEqual(ImporKim.langkah(k).map(\.ke), [.diajukan, .disahkanDesa, .disahkanKecamatan, .aktif])
        XCTAssertEqual(ImporKim.langkah(k).map(\.tanggal?.iso), ["2024-05-16", "2024-05-17", "2024-05-18", "2024-05-18"])
    }

    func testSetiapKesalahanBarisDilaporkan() throws {
        var tanpaSK = lengkap; tanpaSK["nomor_sk_kecamatan"] = ""; tanpaSK["tanggal_sk_kecamatan"] = ""
        tanpaSK["kode_wilayah"] = "36.04.05.2002"
        var ganda = lengkap // same region as row 2
        ganda["status"] = "draf"
        let csv = [kepala, baris(lengkap), baris(tanpaSK), baris(ganda),
                   baris(["tingkat": "desa", "kode_wilayah": "36.04.05", "status": "dibubarkan"]),
                   baris(["tingkat": "kota", "kode_wilayah": "36.73.01.1001"]),
                   baris(["tingkat": "desa", "kode_wilayah": "36.04.05.2003", "status": "diajukan"])].joined(separator: "\n")
        let hasil = try ImporKim.periksa(csv: csv, namaWilayah: nama, sudahAdaKim: [], hariIni: hariIni)
        XCTAssertEqual(hasil.map(\.nomor), [2, 3, 4, 5, 6, 7])
        XCTAssertTrue(hasil[0].kesalahan.isEmpty)
        XCTAssertEqual(hasil[1].kesalahan, ["KIM berstatus aktif memerlukan SK kecamatan."])
        XCTAssertEqual(hasil[2].kesalahan, ["Wilayah 36.04.05.2001 sudah memiliki KIM (di basis data atau di baris sebelumnya)."])
        XCTAssertEqual(hasil[3].kesalahan, ["Kode 36.04.05 bukan kode desa.", "Status harus salah satu dari: draf, diajukan, disahkan_desa, aktif."])
        XCTAssertEqual(hasil[4].kesalahan, ["Tingkat harus desa atau kecamatan.", "Kode wilayah \"36.73.01.1001\" tidak ada di Kabupaten Serang."])
        XCTAssertTrue(hasil[5].kesalahan.contains("Tanggal pembentukan belum diisi."))
        XCTAssertTrue(hasil[5].kesalahan.contains("Pengurus harus memiliki satu ketua."))
    }

    func testKepalaBerkasHarusLengkap() {
        XCTAssertThrowsError(try ImporKim.periksa(csv: "tingkat,kode\n", namaWilayah: nama, sudahAdaKim: [], hariIni: hariIni)) {
            guard case .kolomTidakSesuai(let kurang, let asing) = $0 as? ImporKim.Kesalahan else { return XCTFail() }
            XCTAssertTrue(kurang.contains("kode_wilayah"))
            XCTAssertEqual(asing, ["kode"])
        }
        XCTAssertThrowsError(try ImporKim.periksa(csv: kepala + "\n", namaWilayah: nama, sudahAdaKim: [], hariIni: hariIni))
        XCTAssertThrowsError(try ImporKim.periksa(csv: kepala + "\n\"desa,", namaWilayah: nama, sudahAdaKim: [], hariIni: hariIni))
        let sudah = try? ImporKim.periksa(csv: kepala + "\n" + baris(lengkap), namaWilayah: nama, sudahAdaKim: ["36.04.05.2001"], hariIni: hariIni)
        XCTAssertEqual(sudah?.first?.kesalahan, ["Wilayah 36.04.05.2001 sudah memiliki KIM (di basis data atau di baris sebelumnya)."])
    }
}

final class TanggalAritmetikaTests: XCTestCase {
    /// The integer arithmetic agrees with Foundation's calendar in WIB over decades of days.
    func testSamaDenganKalenderFoundation() {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        var d = c.date(from: DateComponents(year: 1999, month: 12, day: 25))!
        for _ in 0..<12_000 {
            let k = c.dateComponents([.year, .month, .day, .weekday], from: d)
            let t = Tanggal(d)
            XCTAssertEqual([t.tahun, t.bulan, t.hari, t.hariDalamMinggu], [k.year!, k.month!, k.day!, k.weekday!])
            XCTAssertEqual(t.awal, c.startOfDay(for: d))
            XCTAssertEqual(Tanggal(hariKe: t.hariKe), t)
            d = c.date(byAdding: .hour, value: 17, to: d)!
        }
        XCTAssertEqual(Tanggal(ISO8601DateFormatter().date(from: "2024-05-15T16:59:59Z")!).iso, "2024-05-15")
        XCTAssertEqual(Tanggal(ISO8601DateFormatter().date(from: "2024-05-15T17:00:00Z")!).iso, "2024-05-16")
        XCTAssertEqual(Tanggal(ISO8601DateFormatter().date(from: "1969-12-31T17:00:00Z")!).iso, "1970-01-01")
        XCTAssertEqual(Tanggal(iso: "1970-01-01")!.hariKe, 0)
    }
}

final class TampilanKimTests: XCTestCase {
    /// Whoever the policy lets read a KIM reads it whole; everyone else an active KIM's public
    /// fields only, and any other KIM not at all.
    func testSamaDenganKebijakan() {
        let kim = UUID(), desa = KodeWilayah("36.04.05.2001")!
        let penonton: [Aktor?] = [nil, Aktor(id: UUID(), penugasan: .admin), Aktor(id: UUID(), penugasan: .verifikator),
                                  Aktor(id: UUID(), penugasan: .operatorKecamatan(KodeWilayah("36.04.05")!)),
                                  Aktor(id: UUID(), penugasan: .operatorKecamatan(KodeWilayah("36.04.06")!)),
                                  Aktor(id: UUID(), penugasan: .operatorDesa(desa)),
                                  Aktor(id: UUID(), penugasan: .pengurusKim(kim: kim, wilayah: desa)),
                                  Aktor(id: UUID(), penugasan: .pengurusKim(kim: UUID(), wilayah: desa)),
                                  Aktor(id: UUID(), penugasan: .opd(kode: "dpmptsp"))]
        for a in penonton {
            for status in StatusKim.allCases {
                let t = TampilanKim.untuk(a, kim: kim, wilayah: desa, status: status)
                if Kebijakan.boleh(a, .lihatKim(wilayah: desa, kim: kim)) {
                    XCTAssertEqual(t?.bidang, Set(TampilanKim.Bidang.allCases), "\(String(describing: a?.peran)) \(status)")
                } else if status == .aktif {
                    XCTAssertEqual(t?.bidang, TampilanKim.Bidang.publik, "\(String(describing: a?.peran))")
                    XCTAssertFalse(t!.boleh(.pengurus) || t!.boleh(.telepon) || t!.boleh(.email) || t!.boleh(.alamat))
                } else {
                    XCTAssertNil(t, "\(String(describing: a?.peran)) \(status)")
                }
            }
        }
    }
}
