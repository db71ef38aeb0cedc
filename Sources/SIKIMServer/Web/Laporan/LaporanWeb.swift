import SIKIMCore
import SIKIMData
import Vapor

/// Laporan pages: the inboxes, submitting, one laporan with its actions and timeline, the
/// overdue list, and the public information pages.
struct LaporanWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let l = routes.grouped("laporan")
        l.get(use: daftar)
        l.get("terlambat", use: terlambat)
        l.get("baru", use: formBaru)
        l.post(use: kirim).batasBadan(berkas: "30mb")
        l.get(":laporan", use: detail)
        l.post(":laporan", "aksi", use: aksi).batasBadan(berkas: "30mb")
        l.get(":laporan", "foto", ":foto", use: foto)
        l.get(":laporan", "lampiran", ":lampiran", use: unduhLampiran)
        routes.get("informasi", use: informasi)
        routes.get("informasi", ":laporan", use: detail)
    }

    static func url(_ id: UUID) -> String { "/laporan/\(id)" }
    static func urlFoto(laporan: UUID, foto: UUID) -> String { "/laporan/\(laporan)/foto/\(foto)" }
    static func urlLampiran(laporan: UUID, lampiran: UUID) -> String { "/laporan/\(laporan)/lampiran/\(lampiran)" }

    struct Baris: Encodable {
        let id: String
        let nomor: String
        let judul: String
        let kategori: String
        let wilayah: String
        let status: String
        let statusLabel: String
        let dibuat: String
        let tenggat: String?
        let terlambat: Bool
        let pelapor: String?
    }

    static func baris(_ daftar: [LaporanTerlihat], l: Lingkungan) async throws -> [Baris] {
        let kategori = Dictionary(uniqueKeysWithValues: try await LayananPengaturan(l: l).kategori().map { ($0.id!, $0.nama) })
        let nama = try await LayananWilayah(l: l).nama(Array(Set(daftar.map(\.kodeWilayah))))
        return daftar.map { d in
            Baris(id: d.id.uuidString, nomor: d.nomor, judul: d.judul, kategori: kategori[d.kategori] ?? d.kategori,
                  wilayah: nama[d.kodeWilayah] ?? d.kodeWilayah, status: d.status.rawValue, statusLabel: d.status.label,
                  dibuat: TanggalIndonesia.denganJam(d.dibuatPada),
                  tenggat: d.tenggat.map { TanggalIndonesia.denganJam($0) + (d.tahapSla.map { " · \($0.milik)" } ?? "") },
                  terlambat: d.terlambat, pelapor: d.pelapor?.label)
        }
    }

    // MARK: Inbox

    struct Tab: Encodable { let label: String; let href: String; let aktif: Bool }

    struct KonteksDaftar: Encodable {
        let tata: Tata
        let judul: String
        let tab: [Tab]
        let daftar: [Baris]
        let kosong: Bool
        let bolehLapor: Bool
        let filter: [String: String]
        let pilihanStatus: [Pilihan]
        let pilihanKategori: [Pilihan]
        let pemilihWilayah: PemilihWilayah
        let lanjut: String?
    }

    /// The role's inbox (`KotakMasuk`): it opens on the tab holding the role's work, each work
    /// tab with its count; work with a deadline is listed oldest first.
    @Sendable func daftar(req: Request) async throws -> Response {
        _ = try req.wajibMasuk()
        let l = req.lingkungan
        let layanan = LayananLaporan(l: l)
        let daftarTab = KotakMasuk.tab(untuk: req.aktor?.peran)
        var jumlah: [String: Int] = [:]
        for t in daftarTab where t.tugas {
            if let s = try Request.statusLaporan(t.status) { jumlah[t.status] = try await layanan.jumlah(s, untuk: req.aktor) }
        }
        var filter: [String: String] = [:]
        for k in ["status", "kategori", "kode_wilayah", "dari", "sampai", "q"] {
            if let v = (try? req.kueri)?[k], !v.isEmpty { filter[k] = String(v.prefix(100)) }
        }
        let aktif = filter["status"] ?? KotakMasuk.bawaan(untuk: req.aktor?.peran, jumlah: jumlah)
        filter["status"] = aktif
        var saringan = try req.saringanLaporan()
        saringan.status = try Request.statusLaporan(aktif)
        let h = try await layanan.halaman(saringan, try req.paginasi(), untuk: req.aktor, terlamaDulu: KotakMasuk.terlamaDulu(aktif))
        let lanjutURL = h.lanjut.map { c in
            "/laporan?" + (filter.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                           + ["cursor=\(c)"]).joined(separator: "&")
        }
        let petugas = [.admin, .verifikator].contains(req.aktor?.peran)
        return try await req.halaman("laporan-daftar", KonteksDaftar(
            tata: req.tata("Laporan"), judul: petugas ? "Kotak masuk verifikasi" : "Laporan",
            tab: daftarTab.map { t in
                Tab(label: jumlah[t.status].map { "\(t.label) (\(Angka.ribuan($0)))" } ?? t.label, href: "/laporan?status=\(t.status)",
                    aktif: t.status == aktif)
            },
            daftar: try await Self.baris(h.isi, l: l), kosong: h.isi.isEmpty, bolehLapor: Kebijakan.boleh(req.aktor, .kirimLaporan),
            filter: filter,
            pilihanStatus: StatusLaporan.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanKategori: try await LayananPengaturan(l: l).kategori().map { Pilihan(nilai: $0.id!, label: $0.nama) },
            pemilihWilayah: try await PemilihWilayah.untuk(terpilih: filter["kode_wilayah"] ?? "", l: l), lanjut: lanjutURL))
    }

    struct KonteksTerlambat: Encodable {
        let tata: Tata; let jumlah: String; let tab: [Tab]; let daftar: [Baris]; let kosong: Bool
        let sebelumnya: String?; let berikutnya: String?; let keterangan: String
    }

    static let ukuranTerlambat = 50

    /// Laporan past their SLA deadline within the actor's scope: a tab per stage with its count,
    /// the longest overdue first, fifty to a page.
    @Sendable func terlambat(req: Request) async throws -> Response {
        _ = try req.wajibMasuk()
        let l = req.lingkungan
        let kueri = try? req.kueri
        let halaman = max(1, kueri?["halaman"].flatMap { Int($0) } ?? 1)
        let (jumlah, tahap, isi) = try await LayananLaporan(l: l).terlambat(
            untuk: req.aktor, tahap: kueri?["tahap"].flatMap(TahapSLA.init(rawValue:)), halaman: halaman, ukuran: Self.ukuranTerlambat)
        let diTahap = jumlah[tahap] ?? 0
        func url(_ h: Int) -> String { "/laporan/terlambat?tahap=\(tahap.rawValue)&halaman=\(h)" }
        let awal = (halaman - 1) * Self.ukuranTerlambat
        return try await req.halaman("laporan-terlambat", KonteksTerlambat(
            tata: req.tata("Laporan terlambat"), jumlah: Angka.ribuan(jumlah.values.reduce(0, +)),
            tab: TahapSLA.allCases.map { Tab(label: "\($0.label) (\(Angka.ribuan(jumlah[$0] ?? 0)))",
                                             href: "/laporan/terlambat?tahap=\($0.rawValue)", aktif: $0 == tahap) },
            daftar: try await Self.baris(isi, l: l), kosong: isi.isEmpty,
            sebelumnya: halaman > 1 ? url(halaman - 1) : nil,
            berikutnya: awal + isi.count < diTahap ? url(halaman + 1) : nil,
            keterangan: isi.isEmpty ? "" : "\(Angka.ribuan(awal + 1))–\(Angka.ribuan(awal + isi.count)) dari \(Angka.ribuan(diTahap))"))
    }

    // MARK: Submit

    struct BidangPertanyaan: Encodable {
        struct Opsi: Encodable { let nilai: String; let label: String; let dipilih: Bool }
        let kode: String
        let label: String
        let jenis: String
        let wajib: Bool
        let pilihan: [Opsi]
        let nilai: String
        let galat: String?
    }

    /// A category's questions as form fields, with what was answered and each field's error.
    static func bidangPertanyaan(_ k: KategoriModel?, jawaban: [String: [String]], kesalahan: GalatIsian) -> [BidangPertanyaan] {
        (k?.pertanyaan ?? []).map { p in
            BidangPertanyaan(kode: p.kode, label: p.label, jenis: p.jenis.rawValue, wajib: p.wajib,
                             pilihan: p.pilihan.map { .init(nilai: $0, label: $0, dipilih: jawaban[p.kode]?.contains($0) ?? false) },
                             nilai: jawaban[p.kode]?.first ?? "", galat: kesalahan["jawaban.\(p.kode)"])
        }
    }

    struct KonteksForm: Encodable {
        let tata: Tata
        let csrf: String
        let kategori: [Pilihan]
        let pilihKategori: Bool
        let kodeKategori: String
        let namaKategori: String
        let sensitif: Bool
        let pertanyaan: [BidangPertanyaan]
        let pilihanDesa: [Pilihan]
        let pilihanSumber: [Pilihan]
        let pilihanKerahasiaan: [Pilihan]
        let isian: IsianLaporan
        let kesalahan: GalatIsian
        let kunci: String
        /// Photos sent earlier and kept (`BerkasTertunda`), so they need not be sent again.
        let tertunda: String?
        let terlampir: [String]
    }

    /// The form, with what the user typed and the messages of a refused submission.
    func renderForm(_ req: Request, kategori kode: String?, isian: IsianLaporan, kesalahan: GalatIsian, tertunda: String? = nil,
                            status: HTTPStatus) async throws -> Response {
        let layanan = LayananLaporan(l: req.lingkungan)
        let semua = try await layanan.kategoriAktif()
        let k = semua.first { $0.id == kode }
        let desa = try await layanan.desaPelaporan(untuk: req.aktor)
        return try await req.halaman("laporan-form", KonteksForm(
            tata: req.tata("Kirim laporan"), csrf: req.tokenCSRF,
            kategori: semua.map { Pilihan(nilai: $0.id!, label: $0.nama) }, pilihKategori: k == nil,
            kodeKategori: k?.id ?? "", namaKategori: k?.nama ?? "", sensitif: k?.sensitif ?? false,
            pertanyaan: Self.bidangPertanyaan(k, jawaban: isian.jawaban ?? [:], kesalahan: kesalahan),
            pilihanDesa: desa.map { Pilihan(nilai: $0.0.kode.nilai, label: "\($0.0.nama), Kec. \($0.kecamatan)") },
            pilihanSumber: SumberInformasi.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanKerahasiaan: Kerahasiaan.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            isian: isian, kesalahan: kesalahan, kunci: UUID().uuidString,
            tertunda: tertunda, terlampir: BerkasTertunda(req).ambil(tertunda).map(\.nama)), status: status)
    }

    @Sendable func formBaru(req: Request) async throws -> Response {
        try req.wajib(.kirimLaporan)
        var isian = IsianLaporan()
        if case .pengurusKim(_, let w)? = req.aktor?.penugasan, w.tingkat == .desa { isian.kodeWilayah = w.nilai }
        return try await renderForm(req, kategori: (try? req.kueri)?["kategori"], isian: isian, kesalahan: [:], status: .ok)
    }

    /// The form filled from a submission kept when its session ended (`LanjutkanWeb`).
    @Sendable static func formDipulihkan(_ req: Request, dari kiriman: Request) async throws -> Response {
        try req.wajib(.kirimLaporan)
        let isian = try await kiriman.isianLaporanFormulir()
        let tertunda = try BerkasTertunda(req).simpan(try kiriman.berkas("foto"), kunci: nil)
        return try await LaporanWeb().renderForm(req, kategori: isian.kategori, isian: isian, kesalahan: [:], tertunda: tertunda, status: .ok)
    }

    /// The form carries an idempotency key, so a double tap on a slow network sends one laporan.
    @Sendable func kirim(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let isian = try await req.isianLaporanFormulir()
        let kunci = try? req.content.get(String.self, at: "kunci")
        // Photos are kept across an error elsewhere on the form (`BerkasTertunda`).
        let tertunda = BerkasTertunda(req)
        var simpanan = tertunda.kunciDari(req)
        do {
            simpanan = try tertunda.simpan(try req.berkas("foto"), kunci: simpanan)
            let (m, _, _) = try await LayananLaporan(l: req.lingkungan).buat(isian, foto: tertunda.ambil(simpanan), oleh: p.pelaku, kunci: kunci)
            tertunda.hapus(simpanan)
            return req.alihkan(Self.url(m.id!), kilat: "Laporan \(m.nomor) terkirim. Informasi akan diverifikasi sebelum ditindaklanjuti.")
        } catch let e as KesalahanIsian {
            return try await renderForm(req, kategori: isian.kategori, isian: isian, kesalahan: e.perBidang,
                                        tertunda: tertunda.setelahDitolak(e, bidang: "foto", kunci: simpanan), status: .unprocessableEntity)
        }
    }

    // MARK: One laporan

    struct FormAksi: Encodable {
        let aksi: String
        let label: String
        let perluCatatan: Bool
        let labelCatatan: String
        let bolehLampiran: Bool
        let perluMetode: Bool
        let perluAlasan: Bool
        let perluOPD: Bool
        /// Rejecting is shown as the dangerous choice.
        let bahaya: Bool

        init(_ a: AksiLaporan) {
            (aksi, label, perluCatatan, labelCatatan) = (a.rawValue, a.label, a.perluCatatan, a.labelCatatan)
            (bolehLampiran, perluMetode, perluAlasan, perluOPD, bahaya) = (a.bolehLampiran, a.perluMetode, a.perluAlasan, a.perluOPD, a.perluAlasan)
        }
    }

    struct BarisLampiran: Encodable { let nama: String; let url: String }
    struct BarisRiwayat: Encodable { let waktu: String; let aksi: String; let oleh: String; let catatan: String?; let lampiran: [BarisLampiran] }
    struct BarisJawaban: Encodable { let label: String; let nilai: String }

    struct KonteksDetail: Encodable {
        let tata: Tata
        let csrf: String?
        let publik: Bool
        let id: String
        /// The version the action forms were decided from; shown only to those who may act.
        let versi: Int?
        /// The fields the page as a whole stands for (`data-bidang`): its id, and its version.
        let bidangArtikel: String
        let nomor: String
        let judul: String
        let isi: String
        let kategori: String
        let wilayah: String
        let status: String
        let statusLabel: String
        let dipublikasikan: Bool
        let menungguKonfirmasiKedua: Bool
        let kerahasiaan: String?
        let sumber: String?
        let pelapor: String?
        let alamat: String?
        let koordinat: String?
        let waktuKejadian: String?
        let dibuat: String
        /// How it arrived, and when it was written on the phone (issue 20).
        let kanal: String?
        let ditulisPada: String?
        /// The number a chat laporan came from (staff only), and what to keep in mind about it.
        let nomorPengirim: String?
        let peringatanKanal: String?
        let tenggat: String?
        /// Whose deadline it is: the stage it belongs to.
        let tahapSla: String?
        let terlambat: Bool
        let opd: [String]
        let hasil: String?
        let jawaban: [BarisJawaban]
        let foto: [String]
        let catatanFoto: String?
        let aksi: [FormAksi]
        let riwayat: [BarisRiwayat]
        /// The latest clarification question, shown above the answer box.
        let pertanyaanKlarifikasi: String?
        let pilihanMetode: [Pilihan]
        let pilihanAlasan: [Pilihan]
        let pilihanOPD: [Pilihan]
        let opdBawaan: String
        let kesalahan: GalatIsian
    }

    /// The page shows exactly what `TampilanLaporan` gives this viewer, like the JSON: someone
    /// outside the laporan's scope reads a published one as the public does.
    private func renderDetail(_ req: Request, kesalahan: GalatIsian = [:], status: HTTPStatus = .ok) async throws -> Response {
        let l = req.lingkungan
        let layanan = LayananLaporan(l: l)
        let id = req.parameters.get("laporan", as: UUID.self)
        let b = try await layanan.baris(id, untuk: req.aktor)
        let d = try await layanan.terlihat([b], untuk: req.aktor)[0]
        let t = d.tampilan
        let publik = !t.dalamCakupan
        let kategori = try await LayananPengaturan(l: l).kategori(d.kategori)
        let nama = try await LayananWilayah(l: l).nama([d.kodeWilayah])
        let opdNama = try await LayananOPD(l: l).nama()
        let riwayat = t.boleh(.riwayat) ? try await layanan.riwayat(b, identitas: t.identitas) : []
        let label = Dictionary(uniqueKeysWithValues: (kategori?.pertanyaan ?? []).map { ($0.kode, $0.label) })
        let (aksi, menungguKedua) = publik ? ([], false) : try await tersedia(layanan, id: b.id!, aktor: req.aktor)
        let konteks = KonteksDetail(
            tata: req.tata(d.judul), csrf: publik ? nil : req.tokenCSRF, publik: publik, id: d.id.uuidString,
            versi: t.boleh(.versi) ? d.versi : nil, bidangArtikel: t.boleh(.versi) ? "id versi" : "id", nomor: d.nomor,
            judul: d.judul, isi: d.isi, kategori: kategori?.nama ?? d.kategori, wilayah: nama[d.kodeWilayah] ?? d.kodeWilayah,
            status: d.status.rawValue, statusLabel: d.status.label, dipublikasikan: d.dipublikasikan,
            menungguKonfirmasiKedua: menungguKedua,
            kerahasiaan: t.boleh(.kerahasiaan) ? d.kerahasiaan.label : nil,
            sumber: t.boleh(.sumber) ? SumberInformasi(rawValue: d.sumber)?.label ?? d.sumber : nil,
            pelapor: t.boleh(.pelapor) ? d.pelapor?.label : nil,
            alamat: t.boleh(.alamat) ? d.alamat : nil,
            koordinat: t.boleh(.lat) ? zip2(d.lat, d.lon).map { "\($0), \($1)" } : nil,
            waktuKejadian: d.waktuKejadian.map(TanggalIndonesia.denganJam), dibuat: TanggalIndonesia.denganJam(d.dibuatPada),
            kanal: t.boleh(.kanal) ? d.kanal?.label : nil,
            ditulisPada: t.boleh(.ditulisPada) ? d.ditulisPada.map(TanggalIndonesia.denganJam) : nil,
            nomorPengirim: t.boleh(.nomorPengirim) ? d.nomorPengirim.map(NomorTelepon.tampil) : nil,
            peringatanKanal: t.boleh(.kanal) ? d.kanal?.peringatan : nil,
            tenggat: t.boleh(.tenggat) ? d.tenggat.map(TanggalIndonesia.denganJam) : nil,
            tahapSla: t.boleh(.tahapSla) ? d.tahapSla?.milik : nil, terlambat: d.terlambat,
            opd: t.boleh(.opd) ? d.opd.map { opdNama[$0] ?? $0 } : [], hasil: d.hasil,
            jawaban: d.jawaban.sorted { $0.key < $1.key }.map { BarisJawaban(label: label[$0.key] ?? $0.key, nilai: $0.value.joined(separator: ", ")) },
            foto: d.foto.map { Self.urlFoto(laporan: d.id, foto: $0) },
            catatanFoto: publik || d.foto.isEmpty ? nil : try await layanan.catatanFotoMenyusul(b.id!),
            aksi: aksi.map(FormAksi.init),
            riwayat: riwayat.reversed().map { e in
                BarisRiwayat(waktu: TanggalIndonesia.denganJam(e.waktu), aksi: Self.labelPeristiwa(e),
                             oleh: e.oleh.map { "\($0) (\(Peran(rawValue: e.peran)?.label ?? e.peran))" } ?? "Pelapor", catatan: e.catatan,
                             lampiran: e.lampiran.map { BarisLampiran(nama: $0.nama, url: Self.urlLampiran(laporan: d.id, lampiran: $0.id)) })
            },
            pertanyaanKlarifikasi: riwayat.last { $0.aksi == AksiLaporan.tanya.rawValue }?.catatan,
            pilihanMetode: MetodeVerifikasi.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanAlasan: AlasanTidakValid.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanOPD: try await LayananOPD(l: l).aktif().map { Pilihan(nilai: $0.id!, label: $0.nama) },
            opdBawaan: kategori?.kodeOPD ?? "", kesalahan: kesalahan)
        return try await req.halaman("laporan-detail", konteks, status: status)
    }

    /// The actions this actor may take now, and whether the laporan waits for a second confirmation.
    private func tersedia(_ layanan: LayananLaporan, id: UUID, aktor: Aktor?) async throws -> ([AksiLaporan], Bool) {
        let m = try await layanan.satu(id, untuk: aktor)
        let keadaan = try await layanan.keadaan(m)
        return (SiklusLaporan.tersedia(keadaan, untuk: aktor), keadaan.menungguKonfirmasiKedua)
    }

    static func labelPeristiwa(_ e: PeristiwaTerlihat) -> String {
        if e.aksi == "dibuat" { return "Laporan dikirim" }
        let aksi = AksiLaporan(rawValue: e.aksi)?.label ?? e.aksi
        return e.dari == e.ke ? aksi : "\(aksi): \(StatusLaporan(rawValue: e.dari)?.label ?? e.dari) → \(StatusLaporan(rawValue: e.ke)?.label ?? e.ke)"
    }

    @Sendable func detail(req: Request) async throws -> Response { try await renderDetail(req) }

    struct IsianAksi: Content {
        var aksi: String?
        var catatan: String?
        var metode: String?
        var alasan: String?
        var opd: [String]?
        /// The version the page showed: the action applies only to that state.
        var versi: Int?
        /// "ya" once the second page of an action that cannot be taken back was confirmed.
        var konfirmasi: String?
        /// Attachments kept across that second page (`BerkasTertunda`).
        var tertunda: String?
    }

    struct KonteksKonfirmasi: Encodable {
        let tata: Tata; let csrf: String; let id: String; let nomor: String; let judulLaporan: String
        let aksi: String; let label: String; let akibat: String; let bahaya: Bool
        let isian: IsianAksi; let opd: [String]; let alasan: String?; let terlampir: [String]
        /// As text: the version 0 is a version, not an absent one.
        let versi: String?
    }

    /// A refused action shows the laporan as it is now, with the message by the actions.
    @Sendable func aksi(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let layanan = LayananLaporan(l: req.lingkungan)
        let m = try await layanan.satu(req.parameters.get("laporan", as: UUID.self), untuk: p.aktor, boleh: Tindakan.tanganiLaporan)
        let isian = try req.content.decode(IsianAksi.self)
        guard let a = isian.aksi.flatMap(AksiLaporan.init(rawValue:)) else { throw ParameterTidakValid("Aksi tidak dikenal.") }
        let tertunda = BerkasTertunda(req)
        do {
            let data = try DataAksiLaporan.periksa(catatan: isian.catatan, metode: isian.metode, alasan: isian.alasan, opd: isian.opd ?? [])
            // Only an action with a second page keeps its files across it.
            let baru = try req.berkas("lampiran")
            let kunci = a.akibat == nil ? nil : try tertunda.simpan(baru, kunci: isian.tertunda)
            let lampiran = a.akibat == nil ? baru : tertunda.ambil(kunci)
            // An action that cannot be taken back is checked, then said again on a second page.
            if let akibat = a.akibat, isian.konfirmasi != "ya" {
                try await layanan.periksa(a, pada: m, data: data, oleh: p.pelaku, lampiran: lampiran, versi: isian.versi)
                var dibawa = isian
                dibawa.tertunda = kunci
                return try await req.halaman("laporan-konfirmasi", KonteksKonfirmasi(
                    tata: req.tata("\(a.label)?"), csrf: req.tokenCSRF, id: m.id!.uuidString, nomor: m.nomor, judulLaporan: m.judul,
                    aksi: a.rawValue, label: a.label, akibat: akibat, bahaya: a.perluAlasan, isian: dibawa, opd: isian.opd ?? [],
                    alasan: data.alasan?.label, terlampir: lampiran.map(\.nama), versi: isian.versi.map(String.init)))
            }
            try await layanan.jalankan(a, pada: m, data: data, oleh: p.pelaku, lampiran: lampiran, versi: isian.versi)
            tertunda.hapus(kunci)
            return req.alihkan(Self.url(m.id!), kilat: "\(a.label): berhasil.")
        } catch let e as AksiLaporanDitolak {
            return try await renderDetail(req, kesalahan: ["aksi": e.pesan], status: .conflict)
        } catch let e as DiubahBersamaan {
            return try await renderDetail(req, kesalahan: ["aksi": e.pesan], status: .conflict)
        } catch let e as KesalahanIsian {
            return try await renderDetail(req, kesalahan: ["aksi": e.pesan], status: .unprocessableEntity)
        }
    }

    @Sendable func unduhLampiran(req: Request) async throws -> Response {
        let layanan = LayananLaporan(l: req.lingkungan)
        let b = try await layanan.baris(req.parameters.get("laporan", as: UUID.self), untuk: req.aktor, boleh: Tindakan.tanganiLaporan)
        let f = try await layanan.lampiran(req.parameters.get("lampiran", as: UUID.self), laporan: b)
        return try await req.berkasTersimpan(layanan.penyimpanLampiran.jalur(f.berkas), tipe: f.tipeMime, publik: false)
    }

    @Sendable func foto(req: Request) async throws -> Response {
        let layanan = LayananLaporan(l: req.lingkungan)
        let b = try await layanan.baris(req.parameters.get("laporan", as: UUID.self), untuk: req.aktor)
        let f = try await layanan.foto(req.parameters.get("foto", as: UUID.self), laporan: b)
        return try await req.berkasTersimpan(layanan.penyimpanFoto.jalur(f.berkas), tipe: f.tipeMime, publik: b.dipublikasikan)
    }

    // MARK: Public

    struct KonteksInformasi: Encodable { let tata: Tata; let daftar: [Baris]; let kosong: Bool; let lanjut: String? }

    /// Verified information published for the public; the reporter appears per kerahasiaan.
    @Sendable func informasi(req: Request) async throws -> Response {
        let l = req.lingkungan
        let h = try await LayananLaporan(l: l).halaman(SaringanLaporan(cakupan: .dipublikasikan), try req.paginasi(), untuk: req.aktor)
        let daftar = try await Self.baris(h.isi, l: l)
        return try await req.halaman("informasi", KonteksInformasi(tata: req.tata("Informasi terverifikasi"), daftar: daftar,
                                                                   kosong: daftar.isEmpty, lanjut: h.lanjut.map { "/informasi?cursor=\($0)" }))
    }
}

extension IsianLaporan: Content {}

extension Request {
    /// The laporan a list holds: the actor's scope and the filters of the query string.
    func saringanLaporan() throws -> SaringanLaporan {
        let k = try kueri
        var s = SaringanLaporan(cakupan: Kebijakan.cakupanLaporan(aktor))
        if let t = k["status"], !t.isEmpty { s.status = try Self.statusLaporan(t) }
        if let t = k["kategori"], !t.isEmpty { s.kategori = String(t.prefix(40)) }
        if let w = k["kode_wilayah"], !w.isEmpty {
            guard let kode = KodeWilayah(w) else { throw ParameterTidakValid("Parameter kode_wilayah bukan kode wilayah yang valid.") }
            s.wilayah = kode
        }
        for nama in ["dari", "sampai"] {
            if let t = k[nama], !t.isEmpty {
                guard let tgl = Tanggal(iso: t) else { throw ParameterTidakValid("Parameter \(nama) harus tanggal TTTT-BB-HH.") }
                if nama == "dari" { s.dari = tgl } else { s.sampai = tgl }
            }
        }
        if let cari = k["q"]?.trimmingCharacters(in: .whitespaces), !cari.isEmpty { s.cari = String(cari.prefix(100)) }
        return s
    }

    /// A list's `status` parameter: one status, the second confirmation, or all ("semua").
    static func statusLaporan(_ t: String) throws -> SaringanLaporan.Status? {
        switch t {
        case KotakMasuk.semua: return nil
        case "menunggu_konfirmasi_kedua": return .menungguKonfirmasiKedua
        default:
            guard let status = StatusLaporan(rawValue: t) else { throw ParameterTidakValid("Parameter status tidak dikenal.") }
            return .satu(status)
        }
    }

    /// Laporan fields from a form (urlencoded or multipart): answers to the chosen category's
    /// questions come as `jawaban_<kode>` (a list for pilihan ganda).
    func isianLaporanFormulir() async throws -> IsianLaporan {
        struct Form: Content {
            var kategori, judul, isi, lat, lon, alamat, sumber, kerahasiaan: String?
            var kodeWilayah, waktuKejadian: String?
            enum CodingKeys: String, CodingKey {
                case kategori, judul, isi, lat, lon, alamat, sumber, kerahasiaan
                case kodeWilayah = "kode_wilayah", waktuKejadian = "waktu_kejadian"
            }
        }
        let f = try content.decode(Form.self)
        var i = IsianLaporan()
        (i.kategori, i.judul, i.isi, i.kodeWilayah, i.lat, i.lon) = (f.kategori, f.judul, f.isi, f.kodeWilayah, f.lat, f.lon)
        (i.alamat, i.waktuKejadian, i.sumber, i.kerahasiaan) = (f.alamat, f.waktuKejadian, f.sumber, f.kerahasiaan)
        var jawaban: [String: [String]] = [:]
        for p in try await LayananLaporan(l: lingkungan).pertanyaan(f.kategori) {
            if let banyak = try? content.get([String].self, at: "jawaban_\(p.kode)") { jawaban[p.kode] = banyak }
            else if let satu = try? content.get(String.self, at: "jawaban_\(p.kode)") { jawaban[p.kode] = [satu] }
        }
        i.jawaban = jawaban
        i.fotoMenyusul = (try? content.get([String].self, at: "foto_menyusul"))
            ?? (try? content.get(String.self, at: "foto_menyusul")).map { [$0] }
        return i
    }
}
