import SIKIMData
import Fluent
import FluentSQL
import SIKIMCore
import Vapor

/// `/api/v1/laporan` and `/api/v1/kategori`.
struct LaporanAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("kategori", use: kategori)
        api.post("laporan", use: buat).batasBadan(berkas: "30mb")
        api.get("laporan", use: daftar)
        api.get("laporan", ":laporan", use: detail)
        api.get("laporan", ":laporan", "riwayat", use: riwayat)
        api.post("laporan", ":laporan", "transisi", use: transisi).batasBadan(berkas: "30mb")
    }

    @Sendable func kategori(req: Request) async throws -> Halaman<KategoriDTO> {
        let k = try await KategoriModel.query(on: req.db).filter(\.$aktif == true).sort(\.$nama).all()
        return Halaman(data: k.map(KategoriDTO.init), nextCursor: nil)
    }

    /// JSON, or multipart with `foto[]` files; `Idempotency-Key` makes a retry safe.
    @Sendable func buat(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        var foto: [FotoMasuk] = []
        let isian: IsianLaporan
        if req.headers.contentType?.type == "multipart" {
            isian = try await CariLaporan.isianFormulir(req)
            foto = try CariLaporan.berkas(req, "foto")
        } else {
            isian = try req.content.decode(IsianLaporan.self)
        }
        let (m, baru, idFoto) = try await req.layananLaporan.buat(isian, foto: foto, oleh: p, kunci: req.headers.first(name: "Idempotency-Key"))
        // A new laporan has no OPD yet and its photos are known: nothing to read back.
        let dto = baru ? try await CariLaporan.dto([m], req: req) { _ in ([], idFoto) }[0] : try await CariLaporan.dto(m, req: req)
        let res = dto.jawaban(baru ? .created : .ok, for: req)
        if !baru { res.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true") }
        return res
    }

    @Sendable func daftar(req: Request) async throws -> Response {
        let (baris, lanjut) = try await CariLaporan.halaman(try CariLaporan.query(req), req: req)
        return Halaman(data: try await CariLaporan.dto(baris, req: req), nextCursor: lanjut).jawaban(for: req)
    }

    @Sendable func detail(req: Request) async throws -> Response {
        try await CariLaporan.dto([try await CariLaporan.baris(req)], req: req)[0].jawaban(for: req)
    }

    /// The internal timeline: only for those whose own scope covers the laporan.
    @Sendable func riwayat(req: Request) async throws -> Halaman<PeristiwaDTO> {
        let m = try await CariLaporan.satu(req, boleh: Tindakan.tanganiLaporan)
        let t = try CariLaporan.tampilan(m, opd: try await req.layananLaporan.opd(m).map { .init(kode: $0.kodeOPD, ditanggapi: $0.ditanggapiPada != nil) },
                                         penonton: req.aktor)
        return Halaman(data: try await CariLaporan.riwayat(m, identitas: t.identitas, req: req), nextCursor: nil)
    }

    struct PermintaanTransisi: Content {
        let ke: String
        var catatan: String?
        var metode: String?
        var alasan: String?
        var opd: [String]?
        /// The laporan's version the client decided from (`versi` of what it read); optional.
        var versi: Int?
    }

    @Sendable func transisi(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let m = try await CariLaporan.satu(req, boleh: Tindakan.tanganiLaporan)
        let b = try req.content.decode(PermintaanTransisi.self)
        // `"ke": "diteruskan"` on a forwarded laporan is an OPD acknowledging receipt.
        let aksi = b.ke == StatusLaporan.diteruskan.rawValue && m.statusLaporan == .diteruskan ? .terima
            : StatusLaporan(rawValue: b.ke).flatMap { SiklusLaporan.aksi(menuju: $0, dari: m.statusLaporan) }
        guard let aksi else { throw KesalahanHTTP.parameter("Status tujuan \"\(b.ke.prefix(40))\" tidak dikenal.") }
        try await req.layananLaporan.jalankan(aksi, pada: m, data: try CariLaporan.data(catatan: b.catatan, metode: b.metode,
                                                                                       alasan: b.alasan, opd: b.opd ?? []),
                                              oleh: p, lampiran: try CariLaporan.berkas(req, "lampiran"), versi: b.versi)
        return try await CariLaporan.dto(m, req: req).jawaban(for: req)
    }
}

/// Finding laporan for a request: the policy's scope as a query, filters, pages, DTOs.
enum CariLaporan {
    static func query(_ req: Request) throws -> QueryBuilder<LaporanModel> {
        let q = LaporanModel.query(on: req.db)
        switch Kebijakan.cakupanLaporan(req.aktor) {
        case .semua: break
        case .wilayah(let k): q.group(.or) { $0.filter(\.$kodeWilayah == k.nilai).filter(\.$kodeWilayah =~ (k.nilai + ".")) }
        case .kim(let id, let pelapor): q.group(.or) { $0.filter(\.$kimID == id).filter(\.$pelaporID == pelapor) }
        case .opd(let kode):
            q.join(LaporanOPDModel.self, on: \LaporanModel.$id == \LaporanOPDModel.$laporan.$id)
                .filter(LaporanOPDModel.self, \.$kodeOPD == kode)
        case .dipublikasikan: q.filter(\.$dipublikasikan == true)
        }
        if let s = try req.kueri["status"], !s.isEmpty {
            if s == "menunggu_konfirmasi_kedua" {
                q.filter(\.$status == StatusLaporan.masuk.rawValue).filter(\.$konfirmasiPertama != nil)
            } else {
                guard let status = StatusLaporan(rawValue: s) else { throw KesalahanHTTP.parameter("Parameter status tidak dikenal.") }
                q.filter(\.$status == status.rawValue)
            }
        }
        if let k = try req.kueri["kategori"], !k.isEmpty { q.filter(\.$kodeKategori == String(k.prefix(40))) }
        if let w = try req.kueri["kode_wilayah"], !w.isEmpty {
            guard let kode = KodeWilayah(w) else { throw KesalahanHTTP.parameter("Parameter kode_wilayah bukan kode wilayah yang valid.") }
            q.group(.or) { $0.filter(\.$kodeWilayah == kode.nilai).filter(\.$kodeWilayah =~ (kode.nilai + ".")) }
        }
        for (nama, awal) in [("dari", true), ("sampai", false)] {
            if let t = try req.kueri[nama], !t.isEmpty {
                guard let tgl = Tanggal(iso: t) else { throw KesalahanHTTP.parameter("Parameter \(nama) harus tanggal TTTT-BB-HH.") }
                if awal { q.filter(\.$dibuatPada >= tgl.awal) } else { q.filter(\.$dibuatPada < tgl.tambahHari(1).awal) }
            }
        }
        if let cari = try req.kueri["q"]?.trimmingCharacters(in: .whitespaces), !cari.isEmpty {
            q.filter(.sql(embed: Cari.memuat(String(cari.prefix(100)), kolom: ["judul", "isi", "nomor"], tabel: LaporanModel.schema)))
        }
        return q
    }

    /// Newest first. The cursor is the last row's id; the database compares with that row's own
    /// stored creation time. A time carried in the cursor went through `Date`'s conversions and
    /// could come back a hair later than the stored value: the row then matched again, and a page
    /// of one repeated forever.
    static func halaman(_ q: QueryBuilder<LaporanModel>, req: Request) async throws -> ([BarisLaporan], String?) {
        let p = try Paginasi(req)
        if let c = p.setelah {
            // Cursors from before carried "time|id": the id is all that is needed.
            guard let id = c.split(separator: "|").last.flatMap({ UUID(uuidString: String($0)) }) else {
                throw KesalahanHTTP.parameter("Parameter cursor tidak valid.")
            }
            // A row-value comparison: both databases turn it into one range search of the
            // (dibuat_pada, id) index, so a deep page costs what the first does. Spelled out as
            // "earlier, or same time and smaller id", SQLite walked the index from the top.
            let l = SQLIdentifier(LaporanModel.schema), k = SQLIdentifier("k")
            q.filter(.sql(embed: """
                (\(l).\(ident: "dibuat_pada"), \(l).\(ident: "id")) < \
                (SELECT \(k).\(ident: "dibuat_pada"), \(k).\(ident: "id") FROM \(l) AS \(k) WHERE \(k).\(ident: "id") = \(bind: id))
                """))
        }
        let semua = try await BarisLaporan.semua(q.sort(\.$dibuatPada, .descending).sort(\.$id, .descending).limit(p.limit + 1))
        let isi = Array(semua.prefix(p.limit))
        let lanjut = semua.count > p.limit ? isi.last.map { Paginasi.kode($0.id!.uuidString) } : nil
        return (isi, lanjut)
    }

    /// A laporan by `:laporan` as its model, for acting on it: `baris` checks the policy.
    static func satu(_ req: Request, boleh: (SasaranLaporan) -> Tindakan = Tindakan.lihatLaporan) async throws -> LaporanModel {
        guard let m = try await LaporanModel.find(try await baris(req, boleh: boleh).id, on: req.db) else {
            throw KesalahanHTTP.tidakDitemukan("Laporan")
        }
        return m
    }

    /// A laporan by `:laporan` as a row with its OPD and photos, if the policy lets the actor do
    /// `boleh` on it (by default: read it); otherwise it does not exist for them. One query: an
    /// API detail needs nothing else.
    static func baris(_ req: Request, boleh: (SasaranLaporan) -> Tindakan = Tindakan.lihatLaporan) async throws -> BarisLaporan {
        guard let id = req.parameters.get("laporan", as: UUID.self),
              let b = try await BarisLaporan.semua(LaporanModel.query(on: req.db).filter(\.$id == id)).first,
              Kebijakan.boleh(req.aktor, boleh(LayananLaporan.sasaran(b, opd: Set(b.opd.map(\.kode)))))
        else { throw KesalahanHTTP.tidakDitemukan("Laporan") }
        return b
    }

    static func dto(_ m: LaporanModel, req: Request) async throws -> LaporanDTO {
        try await dto(try await BarisLaporan.semua(LaporanModel.query(on: req.db).filter(\.$id == m.requireID())), req: req)[0]
    }

    /// DTOs of rows read with their OPD and photos.
    static func dto(_ baris: [BarisLaporan], req: Request) async throws -> [LaporanDTO] {
        try await dto(baris, req: req) { ($0.opd, $0.foto) }
    }

    /// DTOs of rows whose OPD and photos are given.
    static func dto<D: DataLaporan>(_ baris: [D], req: Request, lampiran: (D) -> (opd: [OPDLaporan], foto: [UUID])) async throws -> [LaporanDTO] {
        let kalender = try await req.kalender()
        // Once per page, not per row: finding the signed-in user was 2 % of a list's time.
        let (penonton, sekarang) = (req.aktor, req.sekarang)
        let cakupan = Kebijakan.cakupanLaporan(penonton)
        return try baris.map { m in
            let (opd, foto) = lampiran(m)
            return LaporanDTO(m, tampilan: try tampilan(m, opd: opd, penonton: penonton, cakupan: cakupan), opd: opd.map(\.kode),
                              ditanggapi: !opd.isEmpty && opd.allSatisfy(\.ditanggapi), foto: foto, kalender: kalender, sekarang: sekarang)
        }
    }

    /// What this viewer sees of a laporan; one they may not read is not there for them.
    static func tampilan(_ m: some DataLaporan, opd: [OPDLaporan], penonton: Aktor?,
                         cakupan: CakupanLaporan? = nil) throws -> TampilanLaporan {
        guard let t = TampilanLaporan.untuk(penonton, cakupan: cakupan ?? Kebijakan.cakupanLaporan(penonton),
                                            LayananLaporan.sasaran(m, opd: Set(opd.map(\.kode))), kerahasiaan: m.rahasia) else {
            throw KesalahanHTTP.tidakDitemukan("Laporan")
        }
        return t
    }

    /// The timeline (for those whose scope covers the laporan), with each actor's name shown
    /// only where the reporter's identity may be.
    static func riwayat(_ m: LaporanModel, identitas: IdentitasPelapor, req: Request) async throws -> [PeristiwaDTO] {
        let lampiran = Dictionary(grouping: try await LampiranLaporanModel.query(on: req.db).filter(\.$laporan.$id == m.requireID()).all(),
                                  by: { $0.$peristiwa.id })
        return try await PeristiwaLaporanModel.query(on: req.db).filter(\.$laporan.$id == m.requireID()).sort(\.$urutan).all().map { e in
            let olehPelapor = e.penggunaID == m.pelaporID
            return PeristiwaDTO(urutan: e.urutan, aksi: e.aksi, dari: e.dari, ke: e.ke, catatan: e.catatan,
                                oleh: olehPelapor && identitas != .lengkap ? nil : e.namaPengguna, peran: e.peran, waktu: e.waktu,
                                lampiran: (lampiran[e.id!] ?? []).map {
                                    .init(nama: $0.namaAsli, url: "/laporan/\(m.id!)/lampiran/\($0.id!)", sha256: $0.sha256)
                                })
        }
    }

    /// Files of a multipart request under `nama[]`; none for JSON. A file input left empty
    /// sends a part with no name and no bytes, which is no file; a named file of no bytes is
    /// refused, not dropped.
    static func berkas(_ req: Request, _ nama: String) throws -> [FotoMasuk] {
        guard req.headers.contentType?.type == "multipart" else { return [] }
        return try ((try? req.content.get([File].self, at: nama)) ?? []).filter { !($0.filename.isEmpty && $0.data.readableBytes == 0) }
            .map { f in
                guard f.data.readableBytes > 0 else {
                    throw KesalahanIsian(nama, "Berkas \(f.filename.prefix(60)) kosong (0 bita). Pilih ulang berkasnya.")
                }
                return FotoMasuk(nama: f.filename, isi: f.data)
            }
    }

    static func data(catatan: String?, metode: String?, alasan: String?, opd: [String]) throws -> DataAksiLaporan {
        var d = DataAksiLaporan(catatan: catatan, opd: opd.filter { !$0.isEmpty })
        if let metode, !metode.isEmpty {
            guard let m = MetodeVerifikasi(rawValue: metode) else { throw KesalahanIsian("metode", "Metode verifikasi tidak dikenal.") }
            d.metode = m
        }
        if let alasan, !alasan.isEmpty {
            guard let a = AlasanTidakValid(rawValue: alasan) else { throw KesalahanIsian("alasan", "Alasan tidak valid tidak dikenal.") }
            d.alasan = a
        }
        return d
    }

    /// Laporan fields from a form (urlencoded or multipart): answers to the chosen category's
    /// questions come as `jawaban_<kode>` (a list for pilihan ganda).
    static func isianFormulir(_ req: Request) async throws -> IsianLaporan {
        struct Form: Content {
            var kategori, judul, isi, lat, lon, alamat, sumber, kerahasiaan: String?
            var kodeWilayah, waktuKejadian: String?
            enum CodingKeys: String, CodingKey {
                case kategori, judul, isi, lat, lon, alamat, sumber, kerahasiaan
                case kodeWilayah = "kode_wilayah", waktuKejadian = "waktu_kejadian"
            }
        }
        let f = try req.content.decode(Form.self)
        var i = IsianLaporan()
        (i.kategori, i.judul, i.isi, i.kodeWilayah, i.lat, i.lon) = (f.kategori, f.judul, f.isi, f.kodeWilayah, f.lat, f.lon)
        (i.alamat, i.waktuKejadian, i.sumber, i.kerahasiaan) = (f.alamat, f.waktuKejadian, f.sumber, f.kerahasiaan)
        let pertanyaan = try await f.kategori.asyncMap { try await KategoriModel.find($0, on: req.db) }??.pertanyaan ?? []
        var jawaban: [String: [String]] = [:]
        for p in pertanyaan {
            if let banyak = try? req.content.get([String].self, at: "jawaban_\(p.kode)") { jawaban[p.kode] = banyak }
            else if let satu = try? req.content.get(String.self, at: "jawaban_\(p.kode)") { jawaban[p.kode] = [satu] }
        }
        i.jawaban = jawaban
        return i
    }
}
