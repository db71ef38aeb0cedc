import Foundation
import XCTest
@testable import SIKIMCore

final class SiklusLaporanTests: XCTestCase {
    let pelapor = UUID(), verif1 = UUID(), verif2 = UUID()
    let desa = KodeWilayah("36.04.05.2001")!

    func aktor(_ p: Penugasan, id: UUID = UUID()) -> Aktor { Aktor(id: id, penugasan: p) }
    var semua: [(String, Aktor?)] {
        [("publik", nil), ("admin", aktor(.admin)), ("verifikator", aktor(.verifikator, id: verif1)),
         ("verifikator2", aktor(.verifikator, id: verif2)), ("pelapor", aktor(.pengurusKim(kim: UUID(), wilayah: desa), id: pelapor)),
         ("opkec", aktor(.operatorKecamatan(KodeWilayah("36.04.05")!))), ("opdesa", aktor(.operatorDesa(desa))),
         ("opd diteruskan", aktor(.opd(kode: "dpmptsp"))), ("opd lain", aktor(.opd(kode: "bpbd")))]
    }

    func keadaan(_ s: StatusLaporan, sensitif: Bool = false, pertama: UUID? = nil, terbit: Bool = false) -> KeadaanLaporan {
        KeadaanLaporan(status: s, dipublikasikan: terbit, sensitif: sensitif, pelapor: pelapor, wilayah: desa, kim: nil,
                       konfirmasiPertama: pertama, opd: s == .diteruskan || s == .ditindaklanjuti || s == .selesai ? ["dpmptsp"] : [])
    }

    let lengkap = DataAksiLaporan(catatan: "catatan", metode: .cekLapangan, alasan: .hoaks, opd: ["dpmptsp"])

    /// Every (state, action, actor) combination against the expected outcome.
    func testSetiapKombinasiStatusAksiPeran() {
        // state → action → actors allowed → resulting status
        let harap: [StatusLaporan: [AksiLaporan: (Set<String>, StatusLaporan)]] = [
            .masuk: [.tanya: (["admin", "verifikator", "verifikator2"], .klarifikasi),
                     .konfirmasi: (["admin", "verifikator", "verifikator2"], .valid),
                     .tolak: (["admin", "verifikator", "verifikator2"], .tidakValid)],
            .klarifikasi: [.jawab: (["pelapor"], .masuk), .tolak: (["admin", "verifikator", "verifikator2"], .tidakValid)],
            .valid: [.teruskan: (["admin", "verifikator", "verifikator2"], .diteruskan),
                     .publikasikan: (["admin", "verifikator", "verifikator2"], .dipublikasikan)],
            .tidakValid: [:],
            .diteruskan: [.tindaklanjuti: (["admin", "opd diteruskan"], .ditindaklanjuti),
                          .terima: (["admin", "opd diteruskan"], .diteruskan),
                          .publikasikan: (["admin", "verifikator", "verifikator2"], .diteruskan)],
            .ditindaklanjuti: [.selesaikan: (["admin", "opd diteruskan"], .selesai),
                               .publikasikan: (["admin", "verifikator", "verifikator2"], .ditindaklanjuti)],
            .selesai: [.publikasikan: (["admin", "verifikator", "verifikator2"], .selesai)],
            .dipublikasikan: [.teruskan: (["admin", "verifikator", "verifikator2"], .diteruskan)],
        ]
        for s in StatusLaporan.allCases {
            let terbit = s == .dipublikasikan
            for a in AksiLaporan.allCases {
                for (nama, aktor) in semua {
                    let hasil = try? SiklusLaporan.jalankan(a, pada: keadaan(s, terbit: terbit), oleh: aktor, data: lengkap)
                    let boleh = harap[s]?[a].map { $0.0.contains(nama) } ?? false
                    XCTAssertEqual(hasil != nil, boleh, "\(nama) \(a) dari \(s)")
                    if boleh { XCTAssertEqual(hasil?.status, harap[s]?[a]?.1, "\(nama) \(a) dari \(s)") }
                }
            }
        }
    }

    /// The gate, as a reachability property: with every actor and every action, no path from
    /// `masuk` that avoids `valid` reaches a followed-up or published state.
    func testGerbangTidakAdaJalanTanpaValid() {
        struct Simpul: Hashable { let s: StatusLaporan; let terbit: Bool; let pertama: Bool }
        var dikunjungi: Set<Simpul> = [Simpul(s: .masuk, terbit: false, pertama: false)]
        var antrean = Array(dikunjungi)
        while let n = antrean.popLast() {
            for a in AksiLaporan.allCases {
                for (_, aktor) in semua {
                    for sensitif in [false, true] {
                        let k = KeadaanLaporan(status: n.s, dipublikasikan: n.terbit, sensitif: sensitif, pelapor: pelapor, wilayah: desa,
                                               kim: nil, konfirmasiPertama: n.pertama ? verif2 : nil, opd: ["dpmptsp"])
                        guard let h = try? SiklusLaporan.jalankan(a, pada: k, oleh: aktor, data: lengkap), h.status != .valid else { continue }
                        let m = Simpul(s: h.status, terbit: h.dipublikasikan, pertama: h.konfirmasiPertama || n.pertama)
                        if dikunjungi.insert(m).inserted { antrean.append(m) }
                    }
                }
            }
        }
        XCTAssertEqual(Set(dikunjungi.map(\.s)), [.masuk, .klarifikasi, .tidakValid])
        XCTAssertFalse(dikunjungi.contains { $0.terbit })
    }

    func testMeneruskanLaporanBelumTerverifikasiDitolakDenganPesanYangSama() {
        for s in [StatusLaporan.masuk, .klarifikasi, .tidakValid] {
            for a in [AksiLaporan.teruskan, .terima, .tindaklanjuti, .selesaikan, .publikasikan] {
                XCTAssertThrowsError(try SiklusLaporan.jalankan(a, pada: keadaan(s), oleh: aktor(.admin), data: lengkap)) {
                    XCTAssertEqual(($0 as? AksiLaporanDitolak)?.pesan, SiklusLaporan.pesanBelumTerverifikasi)
                }
            }
        }
    }

    func testLaporanSensitifPerluDuaVerifikatorBerbeda() throws {
        let v1 = aktor(.verifikator, id: verif1), v2 = aktor(.verifikator, id: verif2)
        let pertama = try SiklusLaporan.jalankan(.konfirmasi, pada: keadaan(.masuk, sensitif: true), oleh: v1, data: lengkap)
        XCTAssertEqual(pertama, HasilAksiLaporan(status: .masuk, dipublikasikan: false, konfirmasiPertama: true))
        let menunggu = keadaan(.masuk, sensitif: true, pertama: verif1)
        XCTAssertTrue(menunggu.menungguKonfirmasiKedua)
        XCTAssertThrowsError(try SiklusLaporan.jalankan(.konfirmasi, pada: menunggu, oleh: v1, data: lengkap)) {
            XCTAssertEqual(($0 as? AksiLaporanDitolak)?.pesan, "Laporan sensitif memerlukan konfirmasi kedua dari verifikator yang berbeda.")
        }
        XCTAssertEqual(try SiklusLaporan.jalankan(.konfirmasi, pada: menunggu, oleh: v2, data: lengkap).status, .valid)
        XCTAssertThrowsError(try SiklusLaporan.teruskanBelumValid(menunggu))
    }

    func testOPDMengonfirmasiPenerimaanSekaliSaja() throws {
        let opd = aktor(.opd(kode: "dpmptsp"))
        let l = KeadaanLaporan(status: .diteruskan, dipublikasikan: false, sensitif: false, pelapor: pelapor, wilayah: desa, kim: nil,
                               konfirmasiPertama: nil, opd: ["dpmptsp", "bpbd"], opdMenanggapi: ["dpmptsp"])
        XCTAssertThrowsError(try SiklusLaporan.jalankan(.terima, pada: l, oleh: opd, data: lengkap)) {
            XCTAssertEqual(($0 as? AksiLaporanDitolak)?.pesan, "Penerimaan laporan ini sudah dikonfirmasi.")
        }
        XCTAssertEqual(try SiklusLaporan.jalankan(.terima, pada: l, oleh: aktor(.opd(kode: "bpbd")), data: lengkap).status, .diteruskan)
        XCTAssertFalse(SiklusLaporan.tersedia(l, untuk: opd).contains(.terima))
    }

    func testVerifikatorBukanPelapor() {
        let l = KeadaanLaporan(status: .masuk, dipublikasikan: false, sensitif: false, pelapor: verif1, wilayah: desa, kim: nil,
                               konfirmasiPertama: nil, opd: [])
        XCTAssertThrowsError(try SiklusLaporan.jalankan(.konfirmasi, pada: l, oleh: aktor(.verifikator, id: verif1), data: lengkap)) {
            XCTAssertEqual(($0 as? AksiLaporanDitolak)?.pesan, "Verifikator tidak boleh memverifikasi laporan yang dikirimnya sendiri.")
        }
    }

    func testDataWajibSetiapAksi() {
        let admin = aktor(.admin)
        func pesan(_ a: AksiLaporan, _ s: StatusLaporan, _ d: DataAksiLaporan) -> String? {
            do { _ = try SiklusLaporan.jalankan(a, pada: keadaan(s), oleh: a == .jawab ? aktor(.pengurusKim(kim: UUID(), wilayah: desa), id: pelapor) : admin, data: d); return nil }
            catch { return error.pesan }
        }
        XCTAssertEqual(pesan(.tanya, .masuk, .init()), "Pertanyaan klarifikasi wajib diisi.")
        XCTAssertEqual(pesan(.jawab, .klarifikasi, .init()), "Jawaban wajib diisi.")
        XCTAssertEqual(pesan(.konfirmasi, .masuk, .init(catatan: "x")), "Metode verifikasi wajib dipilih.")
        XCTAssertEqual(pesan(.konfirmasi, .masuk, .init(metode: .cekLapangan)), "Catatan bukti verifikasi wajib diisi.")
        XCTAssertEqual(pesan(.tolak, .masuk, .init(catatan: "x")), "Alasan tidak valid wajib dipilih.")
        XCTAssertEqual(pesan(.teruskan, .valid, .init(catatan: "x")), "Pilih minimal satu OPD tujuan.")
        XCTAssertEqual(pesan(.teruskan, .valid, .init(opd: ["dpmptsp"])), "Instruksi untuk OPD wajib diisi.")
        XCTAssertEqual(pesan(.selesaikan, .ditindaklanjuti, .init()), "Hasil yang disampaikan kepada pelapor wajib diisi.")
    }

    func testIdentitasPelaporMenurutKerahasiaan() {
        let p = UUID(), kim = UUID()
        // Forwarded to DPMPTSP and published: every viewer may read it, but only those whose
        // own scope covers it are told who sent it.
        let s = SasaranLaporan(wilayah: desa, kim: kim, pelapor: p, opd: ["dpmptsp"], dipublikasikan: true)
        let lain = KodeWilayah("36.04.06.2001")!
        let penonton: [(String, Aktor?)] = [("admin", aktor(.admin)), ("verifikator", aktor(.verifikator)),
                                           ("operator", aktor(.operatorDesa(desa))), ("opd", aktor(.opd(kode: "dpmptsp"))),
                                           ("pengurus", aktor(.pengurusKim(kim: kim, wilayah: desa))), ("publik", nil),
                                           ("operator lain", aktor(.operatorKecamatan(KodeWilayah("36.04.06")!))),
                                           ("opd lain", aktor(.opd(kode: "bpbd"))), ("pengurus lain", aktor(.pengurusKim(kim: UUID(), wilayah: lain)))]
        let harap: [Kerahasiaan: [IdentitasPelapor]] = [
            .biasa: [.lengkap, .lengkap, .lengkap, .lengkap, .lengkap, .namaKimSaja, .namaKimSaja, .namaKimSaja, .namaKimSaja],
            .anonimPublik: [.lengkap, .lengkap, .lengkap, .lengkap, .lengkap, .tersembunyi, .tersembunyi, .tersembunyi, .tersembunyi],
            .rahasia: [.lengkap, .lengkap, .tersembunyi, .tersembunyi, .tersembunyi, .tersembunyi, .tersembunyi, .tersembunyi, .tersembunyi],
        ]
        for (k, baris) in harap {
            for ((nama, a), h) in zip(penonton, baris) {
                XCTAssertEqual(IdentitasPelapor.untuk(k, penonton: a, sasaran: s), h, "\(k) \(nama)")
                XCTAssertEqual(TampilanLaporan.untuk(a, s, kerahasiaan: k)?.identitas, h, "\(k) \(nama)")
            }
        }
        XCTAssertEqual(IdentitasPelapor.untuk(.rahasia, penonton: aktor(.pengurusKim(kim: UUID(), wilayah: desa), id: p), sasaran: s), .lengkap,
                       "reporters always see their own name")
    }

    /// Who reads which fields: in scope everything, out of scope (published) the public's set,
    /// and not at all when it is neither in scope nor published.
    func testTampilanLaporanMenurutCakupan() {
        let p = UUID(), kim = UUID()
        let terbit = SasaranLaporan(wilayah: desa, kim: kim, pelapor: p, opd: ["dpmptsp"], dipublikasikan: true)
        let dalam = SasaranLaporan(wilayah: desa, kim: kim, pelapor: p, opd: ["dpmptsp"], dipublikasikan: false)
        let semua = Set(TampilanLaporan.Bidang.allCases)
        let luar = aktor(.opd(kode: "bpbd"))
        XCTAssertEqual(TampilanLaporan.untuk(aktor(.verifikator), terbit, kerahasiaan: .biasa)?.bidang, semua)
        XCTAssertEqual(TampilanLaporan.untuk(aktor(.opd(kode: "dpmptsp")), dalam, kerahasiaan: .biasa)?.bidang, semua.subtracting([.nomorPengirim]),
                       "a chat laporan's number is for Diskominfosatik staff only")
        XCTAssertEqual(TampilanLaporan.untuk(luar, terbit, kerahasiaan: .biasa)?.bidang, TampilanLaporan.Bidang.publik)
        XCTAssertEqual(TampilanLaporan.untuk(nil, terbit, kerahasiaan: .biasa)?.bidang, TampilanLaporan.Bidang.publik)
        XCTAssertEqual(TampilanLaporan.untuk(nil, terbit, kerahasiaan: .rahasia)?.bidang, TampilanLaporan.Bidang.publik.subtracting([.pelapor]))
        XCTAssertEqual(TampilanLaporan.untuk(aktor(.operatorDesa(desa)), terbit, kerahasiaan: .rahasia)?.bidang, semua.subtracting([.pelapor, .nomorPengirim]))
        XCTAssertNil(TampilanLaporan.untuk(luar, dalam, kerahasiaan: .biasa))
        XCTAssertNil(TampilanLaporan.untuk(nil, dalam, kerahasiaan: .biasa))
        for b in [TampilanLaporan.Bidang.alamat, .lat, .lon, .sumber, .kerahasiaan, .opd, .tenggat, .riwayat] {
            XCTAssertFalse(TampilanLaporan.Bidang.publik.contains(b), "\(b) is internal")
        }
        XCTAssertTrue(TampilanLaporan.untuk(luar, terbit, kerahasiaan: .biasa)?.dalamCakupan == false)
    }
}

extension SiklusLaporan {
    /// Test helper: forwarding a laporan still awaiting its second confirmation.
    static func teruskanBelumValid(_ l: KeadaanLaporan) throws {
        _ = try jalankan(.teruskan, pada: l, oleh: Aktor(id: UUID(), penugasan: .admin),
                         data: DataAksiLaporan(catatan: "x", opd: ["dpmptsp"]))
    }
}

final class KalenderKerjaTests: XCTestCase {
    /// Idul Fitri 2026: 18–24 March are holidays or cuti bersama (with a weekend).
    let kalender = KalenderKerja(libur: Set(["2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22",
                                             "2026-03-23", "2026-03-24", "2026-04-03"].compactMap(Tanggal.init(iso:))))
    func wib(_ s: String) -> Date { ISO8601DateFormatter().date(from: s + "+07:00")! }

    func testHariKerja() {
        XCTAssertTrue(kalender.hariKerja(Tanggal(iso: "2026-03-17")!))
        XCTAssertFalse(kalender.hariKerja(Tanggal(iso: "2026-03-18")!), "cuti bersama")
        XCTAssertFalse(kalender.hariKerja(Tanggal(iso: "2026-03-21")!), "Saturday and Idul Fitri")
        XCTAssertFalse(kalender.hariKerja(Tanggal(iso: "2026-03-29")!), "Sunday")
        XCTAssertTrue(kalender.hariKerja(Tanggal(iso: "2026-03-25")!))
    }

    func testTenggatMelewatiIdulFitri() {
        let kasus: [(String, Int, String)] = [
            ("2026-03-16T09:00:00", 3, "2026-03-26T23:59:59"),  // Mon: 17, 25, 26
            ("2026-03-17T10:00:00", 3, "2026-03-27T23:59:59"),  // Tue: 25, 26, 27
            ("2026-03-17T23:59:00", 3, "2026-03-27T23:59:59"),  // late evening still counts as Tuesday
            ("2026-03-14T08:00:00", 3, "2026-03-25T23:59:59"),  // Sat: 16, 17, 25
            ("2026-03-19T08:00:00", 3, "2026-03-27T23:59:59"),  // on the holiday: 25, 26, 27
            ("2026-03-16T09:00:00", 5, "2026-03-30T23:59:59"),  // OPD: 17, 25, 26, 27, 30
            ("2026-03-16T09:00:00", 10, "2026-04-07T23:59:59"), // closing: … 31, 1, 2, (3 Good Friday), 6, 7
        ]
        for (dari, n, tenggat) in kasus {
            XCTAssertEqual(kalender.tenggat(n, sejak: wib(dari)), wib(tenggat), "\(dari) + \(n)")
        }
    }

    /// Starts every 3 hours over two months around Idul Fitri, against checks every 5 hours
    /// (so every hour of the day comes up): a start is overdue exactly when it lies before
    /// `mulaiBelumLewat`.
    func testMulaiBelumLewatMemisahkanYangLewat() {
        let awal = wib("2026-03-01T00:30:00")
        let waktu = { (langkah: Int) in stride(from: 0, to: 60 * 24, by: langkah).map { awal.addingTimeInterval(Double($0) * 3600) } }
        for n in [3, 5, 10] {
            for sekarang in waktu(5) where sekarang > wib("2026-03-20T00:00:00") {
                let batas = kalender.mulaiBelumLewat(n, pada: sekarang)
                for mulai in waktu(3).prefix(while: { $0 <= sekarang }) {
                    XCTAssertEqual(kalender.tenggat(n, sejak: mulai) < sekarang, mulai < batas, "\(n) days, \(mulai) at \(sekarang)")
                }
            }
        }
        XCTAssertEqual(kalender.mulaiBelumLewat(3, pada: wib("2026-03-27T12:00:00")), wib("2026-03-17T00:00:00"),
                       "on the 27th a start on the 16th is overdue (due the 26th), one on the 17th is not (due today)")
    }

    func testSelisihHariKerja() {
        XCTAssertEqual(kalender.selisihHariKerja(dari: wib("2026-03-17T10:00:00"), sampai: wib("2026-03-25T08:00:00")), 1)
        XCTAssertEqual(kalender.selisihHariKerja(dari: wib("2026-03-25T08:00:00"), sampai: wib("2026-03-17T10:00:00")), -1)
        XCTAssertEqual(kalender.selisihHariKerja(dari: wib("2026-03-16T10:00:00"), sampai: wib("2026-03-16T18:00:00")), 0)
    }

    /// The list of states with a deadline (the overdue list and the periodic check filter by
    /// it) is exactly where the rule gives one.
    func testStatusBertenggatSamaDenganAturan() {
        let k = KalenderKerja(libur: [])
        let ada = StatusLaporan.allCases.filter { AturanLaporan.tenggat(status: $0, masuk: Date(), diteruskan: Date(), kalender: k) != nil }
        XCTAssertEqual(Set(ada), Set(AturanLaporan.statusBertenggat))
    }

    func testTenggatPerTahap() {
        let masuk = wib("2026-03-17T10:00:00"), terus = wib("2026-03-25T10:00:00")
        XCTAssertEqual(AturanLaporan.tenggat(status: .masuk, masuk: masuk, diteruskan: nil, kalender: kalender)?.0, .verifikasi)
        XCTAssertEqual(AturanLaporan.tenggat(status: .diteruskan, masuk: masuk, diteruskan: terus, kalender: kalender)?.1,
                       wib("2026-04-01T23:59:59"))
        XCTAssertEqual(AturanLaporan.tenggat(status: .ditindaklanjuti, masuk: masuk, diteruskan: terus, kalender: kalender)?.0, .penyelesaian)
        // acknowledged by the OPD: the clock now runs toward closing, 10 working days from forwarding
        XCTAssertEqual(AturanLaporan.tenggat(status: .diteruskan, masuk: masuk, diteruskan: terus, ditanggapi: true, kalender: kalender)?.1,
                       wib("2026-04-09T23:59:59"))
        XCTAssertNil(AturanLaporan.tenggat(status: .selesai, masuk: masuk, diteruskan: terus, kalender: kalender))
        XCTAssertEqual(AturanLaporan.nomor(tahun: 2026, urut: 123), "LAP-2026-000123")
    }
}

final class AturanLaporanTests: XCTestCase {
    let sekarang = ISO8601DateFormatter().date(from: "2026-03-17T03:00:00Z")!
    let pertanyaan = [
        Pertanyaan(kode: "nama_usaha", label: "Nama usaha", jenis: .teks, wajib: true),
        Pertanyaan(kode: "jumlah_pekerja", label: "Jumlah pekerja", jenis: .angka, wajib: false),
        Pertanyaan(kode: "jenis_izin", label: "Izin yang diduga tidak ada", jenis: .pilihanGanda, wajib: false, pilihan: ["NIB", "PBG"]),
    ]

    func periksa(judul: String = "Pabrik tanpa izin", isi: String = "Ada pabrik baru", desa: String = "36.04.05.2001",
                 lat: String? = nil, lon: String? = nil, jawaban: [String: [String]] = ["nama_usaha": ["PT X"]]) throws(KesalahanIsian) -> LaporanBaru {
        try AturanLaporan.periksa(judul: judul, isi: isi, kodeDesa: desa, lat: lat, lon: lon, alamat: nil, waktuKejadian: nil,
                                  sumber: nil, kerahasiaan: nil, jawaban: jawaban, pertanyaan: pertanyaan, sekarang: sekarang)
    }

    func bidang(_ f: () throws(KesalahanIsian) -> LaporanBaru) -> [String] {
        do { _ = try f(); return [] } catch { return error.butir.map(\.bidang) }
    }

    func testLaporanSah() throws {
        let l = try periksa(lat: "-6.06", lon: "106.12", jawaban: ["nama_usaha": ["PT X"], "jenis_izin": ["NIB", "PBG"]])
        XCTAssertEqual(l.kerahasiaan, .biasa)
        XCTAssertEqual(l.sumber, .pengamatanLangsung)
        XCTAssertEqual(l.jawaban["jenis_izin"], ["NIB", "PBG"])
        XCTAssertEqual(l.lat, -6.06)
    }

    func testLaporanTidakSah() {
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try periksa(isi: String(repeating: "x", count: 4001)) }, ["isi"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try periksa(isi: String(repeating: "x", count: 4000)) }, [])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try periksa(desa: "36.04.05") }, ["kode_wilayah"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try periksa(lat: "-7.5", lon: "110.4") }, ["lat"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try periksa(jawaban: [:]) }, ["jawaban.nama_usaha"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try periksa(jawaban: ["nama_usaha": ["X"], "jumlah_pekerja": ["banyak"]]) },
                       ["jawaban.jumlah_pekerja"])
        XCTAssertEqual(bidang { () throws(KesalahanIsian) in try periksa(jawaban: ["nama_usaha": ["X"], "jenis_izin": ["SIUP"]]) },
                       ["jawaban.jenis_izin"])
    }

    func testBolehMelaporHanyaDiWilayahKimnya() {
        let kim = Aktor(id: UUID(), penugasan: .pengurusKim(kim: UUID(), wilayah: KodeWilayah("36.04.05.2001")!))
        let kimKec = Aktor(id: UUID(), penugasan: .pengurusKim(kim: UUID(), wilayah: KodeWilayah("36.04.05")!))
        XCTAssertTrue(AturanLaporan.bolehMelapor(kim, desa: KodeWilayah("36.04.05.2001")!, statusKim: .aktif))
        XCTAssertFalse(AturanLaporan.bolehMelapor(kim, desa: KodeWilayah("36.04.05.2002")!, statusKim: .aktif))
        XCTAssertTrue(AturanLaporan.bolehMelapor(kimKec, desa: KodeWilayah("36.04.05.2002")!, statusKim: .aktif))
        XCTAssertTrue(AturanLaporan.bolehMelapor(Aktor(id: UUID(), penugasan: .admin), desa: KodeWilayah("36.04.06.2001")!, statusKim: nil))
        XCTAssertFalse(AturanLaporan.bolehMelapor(Aktor(id: UUID(), penugasan: .verifikator), desa: KodeWilayah("36.04.05.2001")!, statusKim: nil))
        XCTAssertFalse(AturanLaporan.bolehMelapor(nil, desa: KodeWilayah("36.04.05.2001")!, statusKim: nil))
        // A frozen or dissolved KIM (or a pengurus whose KIM is unknown) reports nothing.
        for s in StatusKim.allCases {
            XCTAssertEqual(AturanLaporan.bolehMelapor(kim, desa: KodeWilayah("36.04.05.2001")!, statusKim: s), ![.dibekukan, .dibubarkan].contains(s), "\(s)")
        }
        XCTAssertFalse(AturanLaporan.bolehMelapor(kim, desa: KodeWilayah("36.04.05.2001")!, statusKim: nil))
    }

    func testJawabanPilihanGandaDibatasiDanTanpaUlangan() throws {
        let p = Pertanyaan(kode: "izin", label: "Izin", jenis: .pilihanGanda, wajib: false, pilihan: ["NIB", "PBG", "SIUP"])
        XCTAssertEqual(try p.periksa(["NIB", "PBG", "NIB", " PBG "]), ["NIB", "PBG"])
        XCTAssertThrowsError(try p.periksa(Array(repeating: "NIB", count: 200_000))) {
            XCTAssertEqual(($0 as? KesalahanIsian)?.pesan(untuk: "jawaban.izin"), "Izin: jawaban terlalu panjang.")
        }
        let teks = Pertanyaan(kode: "catatan", label: "Catatan", jenis: .teks, wajib: false)
        XCTAssertThrowsError(try teks.periksa(["a", "b", "c"]))
        XCTAssertThrowsError(try teks.periksa([String(repeating: "x", count: 3000)]))
    }

    func testRantaiAuditMenolakLangkahYangTidakBersambung() {
        typealias L = RantaiAudit.Langkah
        let utuh = [L(urutan: 1, dari: "", ke: "masuk"), L(urutan: 2, dari: "masuk", ke: "klarifikasi"),
                    L(urutan: 3, dari: "klarifikasi", ke: "masuk"), L(urutan: 4, dari: "masuk", ke: "valid")]
        XCTAssertNil(RantaiAudit.putus(utuh))
        // Two verifiers who both read `masuk`: one recorded tidak_valid, the other valid.
        XCTAssertEqual(RantaiAudit.putus([L(urutan: 1, dari: "", ke: "masuk"), L(urutan: 2, dari: "masuk", ke: "tidak_valid"),
                                          L(urutan: 3, dari: "masuk", ke: "valid")]), 2)
        XCTAssertEqual(RantaiAudit.putus([L(urutan: 1, dari: "", ke: "masuk"), L(urutan: 3, dari: "masuk", ke: "valid")]), 1, "a gap")
        XCTAssertEqual(RantaiAudit.putus([L(urutan: 1, dari: "", ke: "masuk"), L(urutan: 1, dari: "masuk", ke: "valid")]), 1, "a repeat")
        XCTAssertEqual(RantaiAudit.putus([L(urutan: 1, dari: "masuk", ke: "valid")]), 0, "a first step from somewhere")
    }

    func testRantaiAuditMenemukanPerubahan() {
        let sha = { (s: String) in String(s.hashValue, radix: 16) } // any function stands in for SHA-256 here
        var rantai: [RantaiAudit.Peristiwa] = []
        var sebelum = RantaiAudit.awal
        for isi in ["dibuat", "tanya", "jawab", "konfirmasi"] {
            let h = RantaiAudit.hash(sebelum: sebelum, isi: isi, sha256: sha)
            rantai.append(.init(isi: isi, hashSebelum: sebelum, hash: h))
            sebelum = h
        }
        XCTAssertNil(RantaiAudit.periksa(rantai, sha256: sha))
        var ubah = rantai
        ubah[2] = .init(isi: "jawab (diubah)", hashSebelum: rantai[2].hashSebelum, hash: rantai[2].hash)
        XCTAssertEqual(RantaiAudit.periksa(ubah, sha256: sha), 2)
        var hapus = rantai
        hapus.remove(at: 1)
        XCTAssertEqual(RantaiAudit.periksa(hapus, sha256: sha), 1)
    }
}

final class KebijakanLaporanTests: XCTestCase {
    /// Reading laporan: own area / other area, own KIM / other KIM, forwarded / not, published / not.
    /// The table is each viewer's own scope: there they may act; a published laporan anyone reads.
    func testMembacaLaporan() {
        let desaA = KodeWilayah("36.04.05.2001")!, desaB = KodeWilayah("36.04.06.2001")!
        let kimA = UUID(), pelapor = UUID()
        func s(_ w: KodeWilayah, kim: UUID?, opd: Set<String> = [], terbit: Bool = false, pelapor p: UUID = UUID()) -> SasaranLaporan {
            SasaranLaporan(wilayah: w, kim: kim, pelapor: p, opd: opd, dipublikasikan: terbit)
        }
        let sasaran: [(String, SasaranLaporan)] = [
            ("A sendiri", s(desaA, kim: kimA, pelapor: pelapor)), ("A kim lain", s(desaA, kim: UUID())),
            ("B", s(desaB, kim: UUID())), ("B diteruskan dpmptsp", s(desaB, kim: UUID(), opd: ["dpmptsp"])),
            ("B terbit", s(desaB, kim: UUID(), terbit: true)),
        ]
        let pelaku: [(String, Aktor?)] = [
            ("publik", nil), ("admin", Aktor(id: UUID(), penugasan: .admin)), ("verifikator", Aktor(id: UUID(), penugasan: .verifikator)),
            ("opkec A", Aktor(id: UUID(), penugasan: .operatorKecamatan(KodeWilayah("36.04.05")!))),
            ("opdesa A", Aktor(id: UUID(), penugasan: .operatorDesa(desaA))),
            ("pengurus A", Aktor(id: pelapor, penugasan: .pengurusKim(kim: kimA, wilayah: desaA))),
            ("opd dpmptsp", Aktor(id: UUID(), penugasan: .opd(kode: "dpmptsp"))), ("opd bpbd", Aktor(id: UUID(), penugasan: .opd(kode: "bpbd"))),
        ]
        let harap: [String: [Bool]] = [
            "publik": [false, false, false, false, true], "admin": [true, true, true, true, true],
            "verifikator": [true, true, true, true, true], "opkec A": [true, true, false, false, false],
            "opdesa A": [true, true, false, false, false], "pengurus A": [true, false, false, false, false],
            "opd dpmptsp": [false, false, false, true, false], "opd bpbd": [false, false, false, false, false],
        ]
        for (nama, a) in pelaku {
            for ((label, t), boleh) in zip(sasaran, harap[nama]!) {
                XCTAssertEqual(Kebijakan.boleh(a, .lihatLaporan(t)), boleh || t.dipublikasikan, "\(nama) / \(label)")
                XCTAssertEqual(Kebijakan.boleh(a, .tanganiLaporan(t)), boleh && a != nil, "menangani: \(nama) / \(label)")
                // The view rule decides the same, by its own shorter path.
                let v = TampilanLaporan.untuk(a, t, kerahasiaan: .biasa)
                XCTAssertEqual(v != nil, Kebijakan.boleh(a, .lihatLaporan(t)), "tampilan: \(nama) / \(label)")
                XCTAssertEqual(v?.dalamCakupan ?? false, Kebijakan.boleh(a, .tanganiLaporan(t)), "cakupan: \(nama) / \(label)")
            }
        }
        XCTAssertTrue(Kebijakan.boleh(pelaku[5].1, .kirimLaporan))
        XCTAssertFalse(Kebijakan.boleh(pelaku[2].1, .kirimLaporan))
        XCTAssertFalse(Kebijakan.boleh(pelaku[6].1, .kirimLaporan))
    }
}

final class AkibatAksiTests: XCTestCase {
    /// Only what cannot be taken back, or shows a laporan to everyone, asks for a second page.
    func testHanyaTidakValidDanPublikasiYangDikonfirmasi() {
        XCTAssertEqual(Set(AksiLaporan.allCases.filter { $0.akibat != nil }), [.tolak, .publikasikan])
        XCTAssertEqual(Set(AksiKim.allCases.filter { $0.akibat != nil }), [.bekukan, .bubarkan])
    }
}
