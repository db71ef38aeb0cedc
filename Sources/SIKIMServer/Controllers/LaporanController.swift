import SIKIMData
import Fluent
import SIKIMCore
import Vapor

/// Laporan pages: the inboxes, submitting, one laporan with its actions and timeline, the
/// overdue list, and the public information pages.
struct LaporanController: RouteCollection {
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

    static func baris(_ daftar: [BarisLaporan], req: Request) async throws -> [Baris] {
        let dto = try await CariLaporan.dto(daftar, req: req)
        let kategori = Dictionary(uniqueKeysWithValues: try await KategoriModel.query(on: req.db).all().map { ($0.id!, $0.nama) })
        let nama = try await NamaWilayah.untuk(Array(Set(daftar.map(\.kodeWilayah))), db: req.db)
        return zip(daftar, dto).map { m, d in
            Baris(id: m.id!.uuidString, nomor: m.nomor, judul: m.judul, kategori: kategori[m.kodeKategori] ?? m.kodeKategori,
                  wilayah: nama[m.kodeWilayah] ?? m.kodeWilayah, status: m.status, statusLabel: m.statusLaporan.label,
                  dibuat: TanggalIndonesia.denganJam(m.dibuatPada), tenggat: d.tenggat.map(TanggalIndonesia.denganJam),
                  terlambat: d.terlambat, pelapor: d.pelapor.map { [$0.nama, $0.kim].compactMap { $0 }.joined(separator: " · ") })
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

    @Sendable func daftar(req: Request) async throws -> Response {
        _ = try req.wajibMasuk()
        let (baris, lanjut) = try await CariLaporan.halaman(try CariLaporan.query(req), req: req)
        var filter: [String: String] = [:]
        for k in ["status", "kategori", "kode_wilayah", "dari", "sampai", "q"] {
            if let v = (try? req.kueri)?[k], !v.isEmpty { filter[k] = String(v.prefix(100)) }
        }
        let petugas = [.admin, .verifikator].contains(req.aktor?.peran)
        let tab: [(String, String?)] = petugas
            ? [("Masuk", "masuk"), ("Klarifikasi", "klarifikasi"), ("Menunggu konfirmasi kedua", "menunggu_konfirmasi_kedua"),
               ("Valid", "valid"), ("Diteruskan", "diteruskan"), ("Semua", nil)]
            : [("Semua", nil), ("Diteruskan", "diteruskan"), ("Ditindaklanjuti", "ditindaklanjuti"), ("Selesai", "selesai")]
        let wilayah = try await PemilihWilayah.untuk(terpilih: filter["kode_wilayah"] ?? "", db: req.db)
        let kat = try await KategoriModel.query(on: req.db).sort(\.$nama).all()
        let lanjutURL = lanjut.map { c in
            "/laporan?" + (filter.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" } + ["cursor=\(c)"]).joined(separator: "&")
        }
        return try await req.halaman("laporan-daftar", KonteksDaftar(
            tata: req.tata("Laporan"), judul: petugas ? "Kotak masuk verifikasi" : "Laporan",
            tab: tab.map { Tab(label: $0.0, href: $0.1.map { "/laporan?status=\($0)" } ?? "/laporan", aktif: filter["status"] == $0.1) },
            daftar: try await Self.baris(baris, req: req), kosong: baris.isEmpty, bolehLapor: Kebijakan.boleh(req.aktor, .kirimLaporan),
            filter: filter,
            pilihanStatus: StatusLaporan.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanKategori: kat.map { Pilihan(nilai: $0.id!, label: $0.nama) },
            pemilihWilayah: wilayah, lanjut: lanjutURL))
    }

    struct KelompokTerlambat: Encodable { let tahap: String; let daftar: [Baris] }
    struct KonteksTerlambat: Encodable { let tata: Tata; let kelompok: [KelompokTerlambat]; let jumlah: Int }

    /// Laporan past their SLA deadline, per stage, within the actor's scope.
    @Sendable func terlambat(req: Request) async throws -> Response {
        _ = try req.wajibMasuk()
        let aktif = [StatusLaporan.masuk, .klarifikasi, .diteruskan, .ditindaklanjuti].map(\.rawValue)
        let semua = try await BarisLaporan.semua(CariLaporan.query(req).filter(\.$status ~~ aktif).sort(\.$dibuatPada))
        var per: [TahapSLA: [BarisLaporan]] = [:]
        let dto = try await CariLaporan.dto(semua, req: req)
        for (m, d) in zip(semua, dto) where d.terlambat {
            if let tahap = d.tahapSla.flatMap(TahapSLA.init(rawValue:)) { per[tahap, default: []].append(m) }
        }
        var kelompok: [KelompokTerlambat] = []
        for t in TahapSLA.allCases { kelompok.append(KelompokTerlambat(tahap: t.label, daftar: try await Self.baris(per[t] ?? [], req: req))) }
        return try await req.halaman("laporan-terlambat", KonteksTerlambat(tata: req.tata("Laporan terlambat"), kelompok: kelompok,
                                                                          jumlah: per.values.map(\.count).reduce(0, +)))
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
    }

    private func renderForm(_ req: Request, kategori kode: String?, isian: IsianLaporan, kesalahan: GalatIsian,
                            status: HTTPStatus) async throws -> Response {
        let semua = try await KategoriModel.query(on: req.db).filter(\.$aktif == true).sort(\.$nama).all()
        let k = semua.first { $0.id == kode }
        let kim = try await req.aktor?.penugasan.kimID.asyncMap { try await KimModel.find($0, on: req.db) } ?? nil
        if let alasan = kim?.statusKim.alasanTidakBerkegiatan { throw TindakanDilarang(alasan) }
        // Desa the actor may report from: a pengurus its KIM's area, the admin everywhere.
        let desa = try await WilayahModel.query(on: req.db).filter(\.$tingkat == Tingkat.desa.rawValue).sort(\.$id).all()
            .filter { AturanLaporan.bolehMelapor(req.aktor, desa: KodeWilayah($0.id!)!, statusKim: kim?.statusKim) }
        let namaKec = Dictionary(uniqueKeysWithValues: try await WilayahModel.query(on: req.db)
            .filter(\.$tingkat == Tingkat.kecamatan.rawValue).all().map { ($0.id!, $0.nama) })
        let jawaban = isian.jawaban ?? [:]
        return try await req.halaman("laporan-form", KonteksForm(
            tata: req.tata("Kirim laporan"), csrf: req.tokenCSRF,
            kategori: semua.map { Pilihan(nilai: $0.id!, label: $0.nama) }, pilihKategori: k == nil,
            kodeKategori: k?.id ?? "", namaKategori: k?.nama ?? "", sensitif: k?.sensitif ?? false,
            pertanyaan: (k?.pertanyaan ?? []).map { p in
                BidangPertanyaan(kode: p.kode, label: p.label, jenis: p.jenis.rawValue, wajib: p.wajib,
                                 pilihan: p.pilihan.map { .init(nilai: $0, label: $0, dipilih: jawaban[p.kode]?.contains($0) ?? false) },
                                 nilai: jawaban[p.kode]?.first ?? "", galat: kesalahan["jawaban.\(p.kode)"])
            },
            pilihanDesa: desa.map { Pilihan(nilai: $0.id!, label: "\($0.nama), Kec. \(namaKec[$0.kodeInduk] ?? "")") },
            pilihanSumber: SumberInformasi.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanKerahasiaan: Kerahasiaan.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            isian: isian, kesalahan: kesalahan, kunci: UUID().uuidString), status: status)
    }

    @Sendable func formBaru(req: Request) async throws -> Response {
        try req.wajib(.kirimLaporan)
        var isian = IsianLaporan()
        if case .pengurusKim(_, let w)? = req.aktor?.penugasan, w.tingkat == .desa { isian.kodeWilayah = w.nilai }
        return try await renderForm(req, kategori: (try? req.kueri)?["kategori"], isian: isian,
                                    kesalahan: [:], status: .ok)
    }

    /// The form carries an idempotency key, so a double tap on a slow network sends one laporan.
    @Sendable func kirim(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let isian = try await CariLaporan.isianFormulir(req)
        let kunci = try? req.content.get(String.self, at: "kunci")
        do {
            let (m, _, _) = try await req.layananLaporan.buat(isian, foto: try CariLaporan.berkas(req, "foto"), oleh: p, kunci: kunci)
            return req.alihkan("/laporan/\(m.id!)", kilat: "Laporan \(m.nomor) terkirim. Informasi akan diverifikasi sebelum ditindaklanjuti.")
        } catch let e as KesalahanIsian {
            return try await renderForm(req, kategori: isian.kategori, isian: isian, kesalahan: e.perBidang, status: .unprocessableEntity)
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
        let bahaya: Bool
    }

    struct BarisRiwayat: Encodable { let waktu: String; let aksi: String; let oleh: String; let catatan: String?; let lampiran: [PeristiwaDTO.Lampiran] }
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
        let tenggat: String?
        /// Whose deadline it is: the stage it belongs to.
        let tahapSla: String?
        let terlambat: Bool
        let opd: [String]
        let hasil: String?
        let jawaban: [BarisJawaban]
        let foto: [String]
        let aksi: [FormAksi]
        let riwayat: [BarisRiwayat]
        let pilihanMetode: [Pilihan]
        let pilihanAlasan: [Pilihan]
        let pilihanOPD: [Pilihan]
        let opdBawaan: String
        let kesalahan: GalatIsian
    }

    /// The page shows exactly what `TampilanLaporan` gives this viewer, like the JSON: someone
    /// outside the laporan's scope reads a published one as the public does.
    private func renderDetail(_ req: Request, _ m: LaporanModel, kesalahan: GalatIsian = [:], status: HTTPStatus = .ok) async throws -> Response {
        let d = try await CariLaporan.dto(m, req: req)
        let t = d.tampilan
        let publik = !t.dalamCakupan
        let kategori = try await KategoriModel.find(m.kodeKategori, on: req.db)
        let keadaan = try await req.layananLaporan.keadaan(m)
        let nama = try await NamaWilayah.untuk([m.kodeWilayah], db: req.db)
        let opdNama = Dictionary(uniqueKeysWithValues: try await OPDModel.query(on: req.db).all().map { ($0.id!, $0.nama) })
        let riwayat = t.boleh(.riwayat) ? try await CariLaporan.riwayat(m, identitas: t.identitas, req: req) : []
        let label = Dictionary(uniqueKeysWithValues: (kategori?.pertanyaan ?? []).map { ($0.kode, $0.label) })
        let konteks = KonteksDetail(
            tata: req.tata(m.judul), csrf: publik ? nil : req.tokenCSRF, publik: publik, id: m.id!.uuidString,
            versi: t.boleh(.versi) ? m.versi : nil, bidangArtikel: t.boleh(.versi) ? "id versi" : "id", nomor: m.nomor,
            judul: m.judul, isi: m.isi, kategori: kategori?.nama ?? m.kodeKategori, wilayah: nama[m.kodeWilayah] ?? m.kodeWilayah,
            status: m.status, statusLabel: m.statusLaporan.label, dipublikasikan: m.dipublikasikan,
            menungguKonfirmasiKedua: !publik && keadaan.menungguKonfirmasiKedua,
            kerahasiaan: t.boleh(.kerahasiaan) ? m.rahasia.label : nil,
            sumber: t.boleh(.sumber) ? SumberInformasi(rawValue: m.sumber)?.label ?? m.sumber : nil,
            pelapor: t.boleh(.pelapor) ? d.pelapor.map { [$0.nama, $0.kim].compactMap { $0 }.joined(separator: " · ") } : nil,
            alamat: t.boleh(.alamat) ? m.alamat : nil,
            koordinat: t.boleh(.lat) ? zip2(m.lat, m.lon).map { "\($0), \($1)" } : nil,
            waktuKejadian: m.waktuKejadian.map(TanggalIndonesia.denganJam), dibuat: TanggalIndonesia.denganJam(m.dibuatPada),
            tenggat: t.boleh(.tenggat) ? d.tenggat.map(TanggalIndonesia.denganJam) : nil,
            tahapSla: t.boleh(.tahapSla) ? d.tahapSla.flatMap(TahapSLA.init(rawValue:))?.label : nil, terlambat: d.terlambat,
            opd: t.boleh(.opd) ? d.opd.map { opdNama[$0] ?? $0 } : [], hasil: m.hasil,
            jawaban: m.jawaban.sorted { $0.key < $1.key }.map { BarisJawaban(label: label[$0.key] ?? $0.key, nilai: $0.value.joined(separator: ", ")) },
            foto: d.foto,
            aksi: publik ? [] : SiklusLaporan.tersedia(keadaan, untuk: req.aktor).map { a in
                FormAksi(aksi: a.rawValue, label: a.label, perluCatatan: a.perluCatatan, labelCatatan: a.labelCatatan,
                         bolehLampiran: a.bolehLampiran, perluMetode: a == .konfirmasi, perluAlasan: a == .tolak, perluOPD: a == .teruskan,
                         bahaya: a == .tolak)
            },
            riwayat: riwayat.reversed().map { e in
                BarisRiwayat(waktu: TanggalIndonesia.denganJam(e.waktu), aksi: Self.labelPeristiwa(e),
                             oleh: e.oleh.map { "\($0) (\(Peran(rawValue: e.peran)?.label ?? e.peran))" } ?? "Pelapor", catatan: e.catatan,
                             lampiran: e.lampiran)
            },
            pilihanMetode: MetodeVerifikasi.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanAlasan: AlasanTidakValid.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanOPD: try await OPDModel.query(on: req.db).filter(\.$aktif == true).sort(\.$nama).all().map { Pilihan(nilai: $0.id!, label: $0.nama) },
            opdBawaan: kategori?.kodeOPD ?? "", kesalahan: kesalahan)
        return try await req.halaman("laporan-detail", konteks, status: status)
    }

    static func labelPeristiwa(_ e: PeristiwaDTO) -> String {
        if e.aksi == "dibuat" { return "Laporan dikirim" }
        let aksi = AksiLaporan(rawValue: e.aksi)?.label ?? e.aksi
        return e.dari == e.ke ? aksi : "\(aksi): \(StatusLaporan(rawValue: e.dari)?.label ?? e.dari) → \(StatusLaporan(rawValue: e.ke)?.label ?? e.ke)"
    }

    @Sendable func detail(req: Request) async throws -> Response {
        try await renderDetail(req, try await CariLaporan.satu(req))
    }

    struct IsianAksi: Content {
        var aksi: String?
        var catatan: String?
        var metode: String?
        var alasan: String?
        var opd: [String]?
        /// The version the page showed: the action applies only to that state.
        var versi: Int?
    }

    @Sendable func aksi(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let m = try await CariLaporan.satu(req, boleh: Tindakan.tanganiLaporan)
        let isian = try req.content.decode(IsianAksi.self)
        guard let a = isian.aksi.flatMap(AksiLaporan.init(rawValue:)) else { throw KesalahanHTTP.parameter("Aksi tidak dikenal.") }
        do {
            let data = try CariLaporan.data(catatan: isian.catatan, metode: isian.metode, alasan: isian.alasan, opd: isian.opd ?? [])
            try await req.layananLaporan.jalankan(a, pada: m, data: data, oleh: p, lampiran: try CariLaporan.berkas(req, "lampiran"),
                                                  versi: isian.versi)
            return req.alihkan("/laporan/\(m.id!)", kilat: "\(a.label): berhasil.")
        } catch let e as AksiLaporanDitolak {
            return try await renderDetail(req, m, kesalahan: ["aksi": e.pesan], status: .conflict)
        } catch let e as DiubahBersamaan {
            // The page shows the laporan as it is now, not as this request meant to leave it.
            return try await renderDetail(req, try await CariLaporan.satu(req), kesalahan: ["aksi": e.pesan], status: .conflict)
        } catch let e as KesalahanIsian {
            return try await renderDetail(req, m, kesalahan: ["aksi": e.pesan], status: .unprocessableEntity)
        }
    }

    @Sendable func unduhLampiran(req: Request) async throws -> Response {
        let m = try await CariLaporan.satu(req, boleh: Tindakan.tanganiLaporan)
        guard let id = req.parameters.get("lampiran", as: UUID.self),
              let l = try await LampiranLaporanModel.find(id, on: req.db), l.$laporan.id == m.id else {
            throw KesalahanHTTP.tidakDitemukan("Lampiran")
        }
        let res = try await req.fileio.asyncStreamFile(at: req.layananLaporan.penyimpanLampiran.jalur(l.berkas))
        res.headers.replaceOrAdd(name: .contentType, value: l.tipeMime)
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return res
    }

    @Sendable func foto(req: Request) async throws -> Response {
        let m = try await CariLaporan.satu(req)
        guard let id = req.parameters.get("foto", as: UUID.self), let f = try await FotoLaporanModel.find(id, on: req.db),
              f.$laporan.id == m.id else { throw KesalahanHTTP.tidakDitemukan("Foto") }
        let res = try await req.fileio.asyncStreamFile(at: req.layananLaporan.penyimpanFoto.jalur(f.berkas))
        res.headers.replaceOrAdd(name: .contentType, value: f.tipeMime)
        res.headers.replaceOrAdd(name: .cacheControl, value: m.dipublikasikan ? "public, max-age=86400" : "private, no-store")
        return res
    }

    // MARK: Public

    struct KonteksInformasi: Encodable { let tata: Tata; let daftar: [Baris]; let kosong: Bool; let lanjut: String? }

    /// Verified information published for the public; the reporter appears per kerahasiaan.
    @Sendable func informasi(req: Request) async throws -> Response {
        let q = LaporanModel.query(on: req.db).filter(\.$dipublikasikan == true)
        let (baris, lanjut) = try await CariLaporan.halaman(q, req: req)
        let daftar = try await Self.baris(baris, req: req)
        return try await req.halaman("informasi", KonteksInformasi(tata: req.tata("Informasi terverifikasi"), daftar: daftar,
                                                                   kosong: daftar.isEmpty, lanjut: lanjut.map { "/informasi?cursor=\($0)" }))
    }
}
