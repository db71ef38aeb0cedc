import SIKIMData
import Fluent
import Foundation
import SIKIMCore

/// A deterministic generator of realistic data for demonstrations, benchmarks and scale
/// tests: every region's KIM in mixed states with a board, laporan with valid audit chains,
/// kegiatan, and materi with dissemination reports.
struct Demo {
    struct Ukuran {
        let laporan: Int
        let kegiatan: Int
        let materi: Int
        /// With the synthetic national regions (`wilayahNasional`) next to the real ones.
        var nasional = false
        static let kabupaten = Ukuran(laporan: 20_000, kegiatan: 5_000, materi: 20)
        static let nasional = Ukuran(laporan: 1_000_000, kegiatan: 250_000, materi: 5, nasional: true)
    }

    /// Synthetic regions for the national scale, next to the real ones: province 99 (not a
    /// Kemendagri province), 71 kabupaten of 99 kecamatan with 8 to 16 desa each — 7,029
    /// kecamatan and about 84,000 desa. The codes have the real shapes, so every rule that
    /// works on codes (areas, parents, levels) works on them unchanged.
    static func wilayahNasional(benih: UInt64 = 2026) -> [Wilayah] {
        var acak = Acak(s: benih)
        var hasil: [Wilayah] = []
        func dua(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        for kab in 1...71 {
            let kodeKab = "99.\(dua(kab))"
            let (lat, lon) = (-9.0 + Double(acak.angka(1300)) / 100, 96.0 + Double(acak.angka(4300)) / 100)
            hasil.append(Wilayah(kode: KodeWilayah(kodeKab)!, nama: "Kabupaten Contoh \(kab)", kodeInduk: "99", lat: lat, lon: lon))
            for kec in 1...99 {
                let kodeKec = "\(kodeKab).\(dua(kec))"
                hasil.append(Wilayah(kode: KodeWilayah(kodeKec)!, nama: "Contoh \(kab)-\(kec)", kodeInduk: kodeKab,
                                     lat: lat + Double(kec / 10) / 100, lon: lon + Double(kec % 10) / 100))
                for desa in 1...(8 + acak.angka(9)) {
                    hasil.append(Wilayah(kode: KodeWilayah("\(kodeKec).\(2000 + desa)")!, nama: "Contoh \(kab)-\(kec)-\(desa)",
                                         kodeInduk: kodeKec, lat: lat + Double(kec / 10) / 100, lon: lon + Double(kec % 10) / 100 + Double(desa) / 1000))
                }
            }
        }
        return hasil
    }

    /// A small seeded generator (SplitMix64), so the same seed gives the same data.
    struct Acak {
        var s: UInt64
        mutating func berikut() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func angka(_ n: Int) -> Int { Int(berikut() % UInt64(n)) }
    }

    let db: any Database
    let penyandi: Penyandi
    let sekarang: Date

    func isi(_ u: Ukuran, benih: UInt64 = 2026) async throws -> String {
        var acak = Acak(s: benih)
        let hashSandi = try await penyandi.hash("demo-sandi-123")
        let admin = try await PenggunaModel.query(on: db).filter(\.$peran == Peran.admin.rawValue).first()!
        let verif = PenggunaModel()
        (verif.id, verif.username, verif.nama, verif.hashKataSandi, verif.peran) = (UUID(), "demo.verifikator", "Verifikator Demo", hashSandi, Peran.verifikator.rawValue)
        (verif.aktif, verif.dibuatPada) = (true, sekarang)
        try await verif.create(on: db)
        let hariIni = Tanggal(sekarang)

        // KIMs for every kecamatan and desa: 70 % active, the rest in earlier states.
        let wilayah = try await WilayahModel.query(on: db).filter(\.$tingkat != Tingkat.kabupaten.rawValue).sort(\.$id).all()
        var kim: [KimModel] = [], pengurus: [PengurusModel] = [], transisi: [TransisiKimModel] = [], akun: [PenggunaModel] = []
        var tersimpan = 0
        for (i, w) in wilayah.enumerated() {
            let tingkat: TingkatKim = w.tingkat == Tingkat.desa.rawValue ? .desa : .kecamatan
            let bentuk = hariIni.tambahHari(-(400 + acak.angka(300)))
            let data = DataKim(nama: tingkat.namaBawaan(w.nama), alamat: nil, email: nil, telepon: nil, tanggalPembentukan: bentuk,
                               tempatPembentukan: "Balai \(w.nama)", jumlahHadir: 20 + acak.angka(40), fokus: ["pariwisata", "umkm"])
            let m = KimModel(tingkat: tingkat, wilayah: KodeWilayah(w.id!)!, data: data, pada: sekarang)
            m.id = UUID()
            let r = acak.angka(10)
            let status: StatusKim = r < 7 ? .aktif : (r == 7 ? .draf : (r == 8 || tingkat == .kecamatan ? .diajukan : .disahkanDesa))
            m.status = status.rawValue
            var langkah: [(StatusKim, Tanggal)] = []
            if status != .draf { langkah.append((.diajukan, bentuk)) }
            if status == .disahkanDesa || (status == .aktif && tingkat == .desa) {
                langkah.append((.disahkanDesa, bentuk.tambahHari(3)))
                (m.nomorSKDesa, m.tanggalSKDesa) = ("141/\(acak.angka(900))/2024", bentuk.tambahHari(3).iso)
            }
            if status == .aktif {
                langkah += [(.disahkanKecamatan, bentuk.tambahHari(7)), (.aktif, bentuk.tambahHari(7))]
                (m.nomorSKKecamatan, m.tanggalSKKecamatan) = ("400/\(acak.angka(900))/Kec/2024", bentuk.tambahHari(7).iso)
            }
            var dari = StatusKim.draf
            for (i, (ke, t)) in langkah.enumerated() {
                let x = TransisiKimModel()
                x.$kim.id = m.id!
                (x.aksi, x.dari, x.ke, x.catatan) = ("impor", dari.rawValue, ke.rawValue, "Data demo")
                (x.penggunaID, x.namaPengguna, x.peran, x.waktu, x.tanggal, x.urutan) = (admin.id!, admin.nama, "admin", sekarang, t.iso, i)
                transisi.append(x)
                dari = ke
            }
            for (j, jabatan) in [Jabatan.ketua, .sekretaris, .bendahara].enumerated() {
                let p = PengurusModel()
                p.$kim.id = m.id!
                (p.nama, p.jabatan, p.jenisKelamin, p.nomorHP) = ("Pengurus \(j + 1) \(w.nama)", jabatan.rawValue, j == 1 ? "P" : "L", "+62812\(10_000_000 + acak.angka(89_999_999))")
                (p.tahunLahir, p.masaBaktiMulai, p.masaBaktiSelesai) = (1970 + acak.angka(30), bentuk.iso, bentuk.tambahTahun(3).iso)
                pengurus.append(p)
            }
            if status == .aktif {
                let a = PenggunaModel()
                (a.id, a.username, a.nama, a.hashKataSandi, a.peran) = (UUID(), "demo.\(w.id!.replacingOccurrences(of: ".", with: "-"))", "Pengurus \(w.nama)", hashSandi, Peran.pengurusKim.rawValue)
                (a.kodeWilayah, a.kimID, a.aktif, a.dibuatPada) = (w.id!, m.id!, true, sekarang)
                akun.append(a)
            }
            kim.append(m)
            // Boards and histories in parts, so the national scale's 250,000 of each never sit in memory at once.
            if pengurus.count >= 15_000 || i == wilayah.count - 1 {
                try await simpanBertahap(Array(kim[tersimpan...]))
                try await simpanBertahap(pengurus)
                try await simpanBertahap(transisi)
                (pengurus, transisi, tersimpan) = ([], [], kim.count)
            }
        }
        try await simpanBertahap(akun)

        // Laporan over the last year from active KIMs' pengurus, each with a valid audit chain.
        let aktif = kim.filter { $0.statusKim == .aktif }
        var desaPertama: [String: String] = [:]
        for w in wilayah where w.tingkat == Tingkat.desa.rawValue && desaPertama[w.kodeInduk] == nil { desaPertama[w.kodeInduk] = w.id! }
        let pelapor = Dictionary(uniqueKeysWithValues: akun.map { ($0.kimID!, $0) })
        let kategori = try await KategoriModel.query(on: db).all(\.$id).compactMap { $0 }.sorted()
        let opd = try await OPDModel.query(on: db).all(\.$id).compactMap { $0 }.sorted()
        let tahun = Tanggal(sekarang).tahun
        let nomorAwal = try await Penomoran.ambil(tahun: tahun, jumlah: u.laporan, on: db).lowerBound - 1
        // In parts, so a large volume (`--laporan 1000000`) never sits in memory at once.
        for awal in stride(from: 0, to: u.laporan, by: 20_000) {
            var laporan: [LaporanModel] = [], peristiwa: [PeristiwaLaporanModel] = [], tujuan: [LaporanOPDModel] = []
            for i in awal..<min(awal + 20_000, u.laporan) {
                let k = aktif[acak.angka(aktif.count)]
                let p = pelapor[k.id!]!
                let masuk = sekarang.addingTimeInterval(-Double(acak.angka(365 * 86_400)))
                let m = LaporanModel()
                m.id = UUID()
                m.nomor = AturanLaporan.nomor(tahun: tahun, urut: nomorAwal + i + 1)
                (m.judul, m.isi, m.kodeKategori) = ("Laporan demo \(i + 1)", "Isi laporan demo nomor \(i + 1).", kategori[acak.angka(kategori.count)])
                let desa = k.tingkatKim == .desa ? k.kodeWilayah : desaPertama[k.kodeWilayah] ?? k.kodeWilayah
                (m.kodeWilayah, m.kimID, m.namaKim, m.pelaporID, m.namaPelapor) = (desa, k.id, k.nama, p.id!, p.nama)
                (m.sumber, m.kerahasiaan, m.jawabanJSON) = (SumberInformasi.allCases[acak.angka(4)].rawValue, Kerahasiaan.allCases[acak.angka(3)].rawValue, "{}")
                (m.dipublikasikan, m.dibuatPada, m.diubahPada) = (false, masuk, masuk)
                var rantai: [(aksi: String, ke: StatusLaporan, oleh: PenggunaModel, jam: Double)] = [("dibuat", .masuk, p, 0)]
                switch acak.angka(10) {
                case 0, 1: break
                case 2: rantai.append(("tolak", .tidakValid, verif, 2))
                case 3: rantai.append(("konfirmasi", .valid, verif, 1))
                default:
                    rantai += [("konfirmasi", .valid, verif, 1), ("teruskan", .diteruskan, verif, 2)]
                    let o = opd[acak.angka(opd.count)]
                    let t = LaporanOPDModel()
                    (t.$laporan.id, t.kodeOPD, t.instruksi, t.diteruskanPada) = (m.id!, o, "Mohon ditindaklanjuti", masuk.addingTimeInterval(2 * 86_400))
                    m.diteruskanPada = t.diteruskanPada
                    if acak.angka(2) == 0 {
                        rantai += [("tindaklanjuti", .ditindaklanjuti, admin, 4), ("selesaikan", .selesai, admin, 9)]
                        t.ditanggapiPada = masuk.addingTimeInterval(4 * 86_400)
                        m.hasil = "Sudah ditangani"
                    }
                    tujuan.append(t)
                }
                var sebelum = RantaiAudit.awal
                var dari = ""
                for (j, e) in rantai.enumerated() {
                    let x = PeristiwaLaporanModel()
                    x.id = UUID()
                    x.$laporan.id = m.id!
                    (x.urutan, x.aksi, x.dari, x.ke, x.catatan, x.data) = (j + 1, e.aksi, dari, e.ke.rawValue, nil, "{}")
                    (x.penggunaID, x.namaPengguna, x.peran) = (e.oleh.id!, e.oleh.nama, e.oleh.peran)
                    x.waktu = Date(timeIntervalSince1970: ((masuk.timeIntervalSince1970 + e.jam * 86_400) * 1000).rounded() / 1000)
                    x.hashSebelum = sebelum
                    x.hash = RantaiAudit.hash(sebelum: sebelum, isi: x.isiKanonik, sha256: Sidik.sha256)
                    sebelum = x.hash
                    dari = e.ke.rawValue
                    peristiwa.append(x)
                }
                (m.status, m.versi) = (rantai.last!.ke.rawValue, rantai.count - 1)
                laporan.append(m)
            }
            try await simpanBertahap(laporan)
            try await simpanBertahap(tujuan)
            try await simpanBertahap(peristiwa)
        }

        var kegiatan: [KegiatanModel] = []
        for _ in 0..<u.kegiatan {
            let k = aktif[acak.angka(aktif.count)]
            let g = KegiatanModel()
            g.$kim.id = k.id!
            (g.jenis, g.tanggal, g.tempat, g.uraian) = (JenisKegiatan.allCases[acak.angka(6)].rawValue, hariIni.tambahHari(-acak.angka(365)).iso, "Balai desa", "Kegiatan demo")
            (g.peserta, g.dibuatOleh, g.dibuatPada) = (5 + acak.angka(60), admin.id!, sekarang)
            kegiatan.append(g)
        }
        try await simpanBertahap(kegiatan)

        var materi: [MateriModel] = [], penerima: [PenerimaMateriModel] = []
        for i in 0..<u.materi {
            let m = MateriModel()
            m.id = UUID()
            let terbit = hariIni.tambahHari(-acak.angka(300))
            (m.judul, m.ringkasan, m.isi, m.jenis) = ("Materi demo \(i + 1)", "Ringkasan", "Isi materi", JenisMateri.allCases[acak.angka(5)].rawValue)
            (m.sasaran, m.batasWaktu, m.dibuatOleh, m.dibuatPada) = ("semua", terbit.tambahHari(14).iso, admin.id!, terbit.awal.addingTimeInterval(3600))
            materi.append(m)
            for k in aktif {
                let r = PenerimaMateriModel()
                (r.$materi.id, r.$kim.id, r.kodeWilayah) = (m.id!, k.id!, k.kodeWilayah)
                let s = acak.angka(3)
                r.status = [StatusPenerimaan.terkirim, .dibaca, .disebarkan][s].rawValue
                if s == 2 { (r.saluran, r.tanggal, r.jangkauan) = ("grup_whatsapp", terbit.tambahHari(2).iso, 20 + acak.angka(300)) }
                penerima.append(r)
            }
        }
        try await simpanBertahap(materi)
        try await simpanBertahap(penerima)
        // The generated year is history: its passed deadlines were dealt with then. Without
        // this the first deadline check would send a notice for each of them (300,000 at the
        // national scale) while serving.
        try await PenandaModel(kunci: PemeriksaBerkala.kunciTenggat, waktu: sekarang).create(on: db)
        return "Data demo dibuat: \(kim.count) KIM, \(u.laporan) laporan, \(kegiatan.count) kegiatan, \(materi.count) materi. Kata sandi akun demo: demo-sandi-123"
    }

    /// Inserts in batches inside transactions: fast on both databases.
    private func simpanBertahap<M: Model>(_ baris: [M]) async throws {
        try await baris.simpanBertahap(on: db)
    }
}
