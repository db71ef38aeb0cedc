import SIKIMData
import Fluent
import SIKIMCore
import SQLKit
import Vapor

/// Diseminasi: the office publishes materi to all KIMs, the KIMs of chosen kecamatan, or
/// chosen KIMs; each targeted KIM reads it and reports how it passed it on and to how many.
struct DiseminasiController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("diseminasi", use: daftar)
        routes.get("diseminasi", "baru", use: formBaru)
        routes.post("diseminasi", use: terbitkan).batasBadan(berkas: "30mb")
        routes.get("diseminasi", ":materi", use: detail)
        routes.get("diseminasi", ":materi", "berkas", ":berkas", use: unduh)
        routes.post("diseminasi", ":materi", "laporan", use: laporkan).batasBadan(berkas: "10mb")
        let api = routes.grouped("api", "v1", "diseminasi")
        api.get(use: daftarAPI)
        api.post(use: terbitkanAPI)
        api.get(":materi", use: detailAPI)
        api.post(":materi", "laporan", use: laporkanAPI)
    }

    // MARK: Shared

    struct IsianMateri: Content {
        var judul, ringkasan, isi, jenis, batasWaktu, sasaran: String?
        var kecamatan: [String]?
        var kim: [String]?
        enum CodingKeys: String, CodingKey {
            case judul, ringkasan, isi, jenis, sasaran, kecamatan, kim, batasWaktu = "batas_waktu"
        }
    }

    /// Publishes a materi and creates one recipient row for each targeted, legalised KIM.
    static func terbitkan(_ req: Request, _ i: IsianMateri) async throws -> MateriModel {
        let p = try req.wajibMasuk()
        guard AturanDiseminasi.bolehMenerbitkan(p.aktor) else { throw KesalahanHTTP.dilarang }
        let hariIni = Tanggal(req.sekarang)
        let m = try AturanDiseminasi.materi(judul: i.judul ?? "", ringkasan: i.ringkasan ?? "", isi: i.isi ?? "", jenis: i.jenis ?? "",
                                            batasWaktu: i.batasWaktu ?? "", hariIni: hariIni)
        let sasaran: SasaranMateri
        switch i.sasaran ?? "semua" {
        case "semua": sasaran = .semua
        case "kecamatan":
            let kode = Set((i.kecamatan ?? []).compactMap(KodeWilayah.init).filter { $0.tingkat == .kecamatan })
            guard !kode.isEmpty else { throw KesalahanIsian("sasaran", "Pilih minimal satu kecamatan sasaran.") }
            sasaran = .kecamatan(kode)
        case "kim":
            let ids = Set((i.kim ?? []).compactMap(UUID.init(uuidString:)))
            guard !ids.isEmpty else { throw KesalahanIsian("sasaran", "Pilih minimal satu KIM sasaran.") }
            sasaran = .kim(ids)
        default: throw KesalahanIsian("sasaran", "Sasaran harus semua, kecamatan atau kim.")
        }
        let kim = try await KimModel.query(on: req.db).filter(\.$status == StatusKim.aktif.rawValue).all()
            .filter { sasaran.mencakup(kim: $0.id!, wilayah: $0.wilayah) }
        guard !kim.isEmpty else { throw KesalahanIsian("sasaran", "Tidak ada KIM aktif pada sasaran ini.") }
        let lampiran = try PenyimpanBerkas.periksa(try CariLaporan.berkas(req, "lampiran"), maks: 5, terima: AturanLaporan.jenisLampiran,
                                                   bidang: "lampiran", label: "Lampiran")
        let materi = MateriModel()
        materi.id = UUID()
        (materi.judul, materi.ringkasan, materi.isi, materi.jenis) = (m.judul, m.ringkasan, m.isi, m.jenis.rawValue)
        (materi.sasaran, materi.batasWaktu, materi.dibuatOleh, materi.dibuatPada) = (i.sasaran ?? "semua", m.batasWaktu.iso, p.aktor.id, req.sekarang)
        let kiriman = RepositoriNotifikasi.Kiriman(pemberitahuan: .materiBaru(judul: materi.judul, kim: kim.compactMap(\.id)),
                                                   tautan: "/diseminasi/\(materi.id!)")
        let jam = req.application.jam
        let alamat = try await RepositoriNotifikasi(db: req.db, jam: jam).alamat([kiriman.pemberitahuan], cache: req.application.cache.alamat)
        // The materi, its recipients, its attachments and its notices: all or nothing.
        try await Self.penyimpan(req).dengan(lampiran) { nama in
            try await req.db.transaction { db in
                try await materi.create(on: db)
                for k in kim {
                    let r = PenerimaMateriModel()
                    (r.$materi.id, r.$kim.id, r.kodeWilayah, r.status) = (materi.id!, k.id!, k.kodeWilayah, StatusPenerimaan.terkirim.rawValue)
                    try await r.create(on: db)
                }
                for (b, berkas) in zip(lampiran, nama) { try await Self.berkasMateri(b, berkas, materi: materi.id!, penerima: nil).create(on: db) }
                try await RepositoriNotifikasi(db: db, jam: jam).kirim([kiriman], ke: alamat)
            }
        }
        return materi
    }

    /// The materi the actor may see: the office all; a pengurus those targeted at its KIM;
    /// operators those reaching their area.
    static func query(_ req: Request) throws -> QueryBuilder<MateriModel> {
        let p = try req.wajibMasuk()
        let q = MateriModel.query(on: req.db)
        switch Kebijakan.cakupanKim(p.aktor) {
        case .semua: break
        case .satu(let kim):
            q.join(PenerimaMateriModel.self, on: \MateriModel.$id == \PenerimaMateriModel.$materi.$id).filter(PenerimaMateriModel.self, \.$kim.$id == kim)
        case .wilayah(let w):
            q.join(PenerimaMateriModel.self, on: \MateriModel.$id == \PenerimaMateriModel.$materi.$id)
                .group(.or) { $0.filter(PenerimaMateriModel.self, \.$kodeWilayah == w.nilai).filter(PenerimaMateriModel.self, \.$kodeWilayah =~ (w.nilai + ".")) }
                .unique()
        case .tidakAda: throw KesalahanHTTP.dilarang
        }
        return q
    }

    static func satu(_ req: Request) async throws -> MateriModel {
        guard let id = req.parameters.get("materi", as: UUID.self),
              let m = try await query(req).filter(\.$id == id).first() else { throw KesalahanHTTP.tidakDitemukan("Materi") }
        return m
    }

    /// The pengurus's own copy; the first time it opens the materi, it becomes `dibaca`.
    static func milikSaya(_ req: Request, _ m: MateriModel) async throws -> PenerimaMateriModel? {
        guard let kim = req.aktor?.penugasan.kimID,
              let r = try await PenerimaMateriModel.query(on: req.db).filter(\.$materi.$id == m.requireID()).filter(\.$kim.$id == kim).first()
        else { return nil }
        if r.statusPenerimaan == .terkirim {
            // Only a copy still unread becomes read: a report made meanwhile stays.
            try await PenerimaMateriModel.query(on: req.db).filter(\.$id == r.requireID()).filter(\.$status == StatusPenerimaan.terkirim.rawValue)
                .set(\.$status, to: StatusPenerimaan.dibaca.rawValue).set(\.$dibacaPada, to: req.sekarang).update()
            return try await PenerimaMateriModel.find(r.requireID(), on: req.db)
        }
        return r
    }

    struct IsianLaporan: Content {
        var saluran: [String]?
        var tanggal: String?
        var jangkauan: String?
        var catatan: String?
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            saluran = try c.decodeIfPresent([String].self, forKey: .saluran)
            tanggal = try c.decodeIfPresent(String.self, forKey: .tanggal)
            jangkauan = try c.teksAtauAngka(.jangkauan)
            catatan = try c.decodeIfPresent(String.self, forKey: .catatan)
        }
        enum CodingKeys: String, CodingKey { case saluran, tanggal, jangkauan, catatan }
    }

    /// Records how the KIM passed a materi on. The report replaces the copy's state as it was
    /// read: a second report sent at the same instant loses (409) rather than overwrites.
    static func laporkan(_ req: Request, _ m: MateriModel, _ i: IsianLaporan) async throws {
        guard let r = try await milikSaya(req, m), let kim = try await KimModel.find(r.$kim.id, on: req.db) else {
            throw KesalahanHTTP.dilarang
        }
        if let alasan = kim.statusKim.alasanTidakBerkegiatan { throw TindakanDilarang(alasan) }
        guard AturanDiseminasi.bolehMelaporkan(req.aktor, kimSasaran: r.$kim.id, statusKim: kim.statusKim) else {
            throw KesalahanHTTP.dilarang
        }
        let l = try AturanDiseminasi.penyebaran(saluran: i.saluran ?? [], tanggal: i.tanggal ?? "", jangkauan: i.jangkauan ?? "",
                                                catatan: i.catatan, diterbitkan: Tanggal(m.dibuatPada), hariIni: Tanggal(req.sekarang))
        let foto = try PenyimpanBerkas.periksa(try CariLaporan.berkas(req, "foto"), maks: 1, terima: JenisBerkas.foto, bidang: "foto", label: "Foto")
        let dari = r.status
        try await penyimpan(req).dengan(foto) { nama in
            try await req.db.transaction { db in
                let diubah = try await (db as! any SQLDatabase).update(PenerimaMateriModel.schema)
                    .set("status", to: StatusPenerimaan.disebarkan.rawValue).set("saluran", to: l.saluran.map(\.rawValue).joined(separator: ","))
                    .set("tanggal", to: l.tanggal.iso).set("jangkauan", to: l.jangkauan).set("catatan", to: l.catatan)
                    .set("dilaporkan_oleh", to: req.aktor?.id)
                    .where("id", .equal, try r.requireID()).where("status", .equal, dari)
                    .returning("id").all()
                guard diubah.count == 1 else { throw DiubahBersamaan() }
                for (b, berkas) in zip(foto, nama) { try await berkasMateri(b, berkas, materi: m.id!, penerima: r.id).create(on: db) }
            }
        }
    }

    static func penyimpan(_ req: Request) -> PenyimpanBerkas {
        PenyimpanBerkas(direktori: req.application.sikim.direktoriData + "/diseminasi")
    }

    static func berkasMateri(_ b: PenyimpanBerkas.Berkas, _ berkas: String, materi: UUID, penerima: UUID?) -> BerkasMateriModel {
        let f = BerkasMateriModel()
        (f.$materi.id, f.penerimaID, f.namaAsli) = (materi, penerima, b.namaAsli)
        (f.berkas, f.tipeMime, f.ukuran, f.sha256) = (berkas, b.jenis.mime, b.bytes.count, b.sha256)
        return f
    }

    /// An attachment of a materi: for everyone who may see the materi. A report photo: for the
    /// office and the reporting KIM.
    @Sendable func unduh(req: Request) async throws -> Response {
        let m = try await Self.satu(req)
        guard let id = req.parameters.get("berkas", as: UUID.self), let f = try await BerkasMateriModel.find(id, on: req.db),
              f.$materi.id == m.id else { throw KesalahanHTTP.tidakDitemukan("Berkas") }
        if let penerima = f.penerimaID, !AturanDiseminasi.bolehMenerbitkan(req.aktor) {
            guard let milik = try await Self.milikSaya(req, m), milik.id == penerima else { throw KesalahanHTTP.tidakDitemukan("Berkas") }
        }
        let res = try await req.fileio.asyncStreamFile(at: Self.penyimpan(req).jalur(f.berkas))
        res.headers.replaceOrAdd(name: .contentType, value: f.tipeMime)
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return res
    }

    /// A materi's coverage over the recipients the actor may see, from plain rows: a national
    /// materi has 64,000 recipients, and the list page counts a hundred materi.
    static func cakupan(_ req: Request, _ m: MateriModel) async throws -> CakupanMateri {
        let penerima = try await req.db.baris("""
            SELECT kim_id, kode_wilayah, status, jangkauan FROM materi_penerima
            WHERE materi_id = \(bind: m.requireID()) AND \(LayananStatistik.dalamArea(LayananStatistik(req: req).area(), "kode_wilayah"))
            """, LayananStatistik.penerima)
        return CakupanMateri.hitung(penerima, batasWaktu: Tanggal(iso: m.batasWaktu) ?? Tanggal(req.sekarang), hariIni: Tanggal(req.sekarang))
    }

    /// The coverage and the recipients' rows, for a materi's own page.
    static func penerima(_ req: Request, _ m: MateriModel) async throws -> (CakupanMateri, [PenerimaMateriModel]) {
        var q = PenerimaMateriModel.query(on: req.db).filter(\.$materi.$id == m.id!)
        if case .wilayah(let w) = Kebijakan.cakupanKim(req.aktor) {
            q = q.group(.or) { $0.filter(\.$kodeWilayah == w.nilai).filter(\.$kodeWilayah =~ (w.nilai + ".")) }
        }
        let r = try await q.all()
        let c = CakupanMateri.hitung(r.map {
            .init(kim: $0.$kim.id, kecamatan: KodeWilayah($0.kodeWilayah)!.tingkat == .desa ? KodeWilayah($0.kodeWilayah)!.induk! : KodeWilayah($0.kodeWilayah)!,
                  status: $0.statusPenerimaan, jangkauan: $0.jangkauan ?? 0)
        }, batasWaktu: Tanggal(iso: m.batasWaktu) ?? Tanggal(req.sekarang), hariIni: Tanggal(req.sekarang))
        return (c, r)
    }

    // MARK: API

    struct MateriDTO: Content {
        struct Cakupan: Content { let sasaran: Int; let dibaca: Int; let disebarkan: Int; let jangkauan: Int; let persen: Int; let terlambat: Int }
        let id: UUID, judul: String, ringkasan: String, isi: String, jenis: String, batasWaktu: String, dibuatPada: Date
        let statusSaya: String?
        let cakupan: Cakupan?
    }

    static func dto(_ req: Request, _ m: MateriModel, milik: PenerimaMateriModel?, cakupan: CakupanMateri?) -> MateriDTO {
        MateriDTO(id: m.id!, judul: m.judul, ringkasan: m.ringkasan, isi: m.isi, jenis: m.jenis, batasWaktu: m.batasWaktu, dibuatPada: m.dibuatPada,
                  statusSaya: milik?.status,
                  cakupan: cakupan.map { .init(sasaran: $0.sasaran, dibaca: $0.dibaca, disebarkan: $0.disebarkan, jangkauan: $0.jangkauan,
                                               persen: $0.persen, terlambat: $0.terlambat.count) })
    }

    @Sendable func daftarAPI(req: Request) async throws -> Halaman<MateriDTO> {
        let daftar = try await Self.query(req).sort(\.$dibuatPada, .descending).limit(100).all()
        var hasil: [MateriDTO] = []
        for m in daftar {
            let milik = try await req.aktor?.penugasan.kimID.asyncMap { kim in
                try await PenerimaMateriModel.query(on: req.db).filter(\.$materi.$id == m.id!).filter(\.$kim.$id == kim).first()
            } ?? nil
            hasil.append(Self.dto(req, m, milik: milik, cakupan: milik == nil ? try await Self.cakupan(req, m) : nil))
        }
        return Halaman(data: hasil, nextCursor: nil)
    }

    @Sendable func terbitkanAPI(req: Request) async throws -> Response {
        let m = try await Self.terbitkan(req, try req.content.decode(IsianMateri.self))
        return try await Self.dto(req, m, milik: nil, cakupan: try await Self.cakupan(req, m)).encodeResponse(status: .created, for: req)
    }

    @Sendable func detailAPI(req: Request) async throws -> MateriDTO {
        let m = try await Self.satu(req)
        let milik = try await Self.milikSaya(req, m)
        return Self.dto(req, m, milik: milik, cakupan: milik == nil ? try await Self.cakupan(req, m) : nil)
    }

    @Sendable func laporkanAPI(req: Request) async throws -> MateriDTO {
        let m = try await Self.satu(req)
        try await Self.laporkan(req, m, try req.content.decode(IsianLaporan.self))
        return Self.dto(req, m, milik: try await Self.milikSaya(req, m), cakupan: nil)
    }

    // MARK: Pages

    struct Baris: Encodable { let id: String; let judul: String; let jenis: String; let batas: String; let keterangan: String }
    struct KonteksDaftar: Encodable { let tata: Tata; let daftar: [Baris]; let kosong: Bool; let bolehTerbit: Bool }

    @Sendable func daftar(req: Request) async throws -> Response {
        let daftar = try await Self.query(req).sort(\.$dibuatPada, .descending).limit(100).all()
        var baris: [Baris] = []
        for m in daftar {
            let ket: String
            if let kim = req.aktor?.penugasan.kimID,
               let r = try await PenerimaMateriModel.query(on: req.db).filter(\.$materi.$id == m.id!).filter(\.$kim.$id == kim).first() {
                ket = r.statusPenerimaan.label
            } else {
                let c = try await Self.cakupan(req, m)
                ket = "\(c.disebarkan) dari \(c.sasaran) KIM melapor (\(c.persen)%)"
            }
            baris.append(Baris(id: m.id!.uuidString, judul: m.judul, jenis: JenisMateri(rawValue: m.jenis)?.label ?? m.jenis,
                               batas: Tanggal(iso: m.batasWaktu).map(TanggalIndonesia.panjang) ?? m.batasWaktu, keterangan: ket))
        }
        return try await req.halaman("diseminasi-daftar", KonteksDaftar(tata: req.tata("Diseminasi"), daftar: baris, kosong: baris.isEmpty,
                                                                         bolehTerbit: AturanDiseminasi.bolehMenerbitkan(req.aktor)))
    }

    struct KonteksForm: Encodable {
        let tata: Tata; let csrf: String; let isian: IsianMateri; let kesalahan: GalatIsian
        let pilihanJenis: [Pilihan]; let pilihanKecamatan: [Pilihan]; let pilihanKim: [Pilihan]; let besok: String
    }

    private func renderForm(_ req: Request, _ isian: IsianMateri, kesalahan: GalatIsian, status: HTTPStatus) async throws -> Response {
        let kec = try await WilayahModel.query(on: req.db).filter(\.$tingkat == Tingkat.kecamatan.rawValue).sort(\.$nama).all()
        let kim = try await KimModel.query(on: req.db).filter(\.$status == StatusKim.aktif.rawValue).sort(\.$nama).all()
        return try await req.halaman("diseminasi-baru", KonteksForm(
            tata: req.tata("Terbitkan materi"), csrf: req.tokenCSRF, isian: isian, kesalahan: kesalahan,
            pilihanJenis: JenisMateri.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanKecamatan: kec.map { Pilihan(nilai: $0.id!, label: $0.nama) },
            pilihanKim: kim.map { Pilihan(nilai: $0.id!.uuidString, label: $0.nama) },
            besok: Tanggal(req.sekarang).tambahHari(7).iso), status: status)
    }

    @Sendable func formBaru(req: Request) async throws -> Response {
        _ = try req.wajibMasuk()
        guard AturanDiseminasi.bolehMenerbitkan(req.aktor) else { throw KesalahanHTTP.dilarang }
        return try await renderForm(req, IsianMateri(), kesalahan: [:], status: .ok)
    }

    @Sendable func terbitkan(req: Request) async throws -> Response {
        let isian = try req.content.decode(IsianMateri.self)
        do {
            let m = try await Self.terbitkan(req, isian)
            return req.alihkan("/diseminasi/\(m.id!)", kilat: "Materi diterbitkan kepada KIM sasaran.")
        } catch let e as KesalahanIsian {
            return try await renderForm(req, isian, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }

    struct BarisKecamatan: Encodable { let nama: String; let sasaran: Int; let disebarkan: Int; let jangkauan: Int }
    struct BarisKim: Encodable { let nama: String; let status: String; let statusLabel: String; let saluran: String; let jangkauan: Int? }
    struct KonteksDetail: Encodable {
        let tata: Tata; let csrf: String; let id: String; let judul: String; let ringkasan: String; let isi: String
        let jenis: String; let batas: String; let statusSaya: String?; let statusSayaLabel: String?; let bolehLapor: Bool
        let sasaran: Int?; let dibaca: Int?; let disebarkan: Int?; let jangkauan: Int?; let persen: Int?; let terlambat: Int?
        let perKecamatan: [BarisKecamatan]; let perKim: [BarisKim]
        let pilihanSaluran: [Pilihan]; let hariIni: String; let kesalahan: GalatIsian
        let lampiran: [Pilihan]
    }

    private func renderDetail(_ req: Request, _ m: MateriModel, kesalahan: GalatIsian = [:], status: HTTPStatus = .ok) async throws -> Response {
        let milik = try await Self.milikSaya(req, m)
        var perKec: [BarisKecamatan] = [], perKim: [BarisKim] = []
        var c: CakupanMateri?
        if milik == nil {
            let (cak, rows) = try await Self.penerima(req, m)
            c = cak
            let nama = try await NamaWilayah.untuk(cak.perKecamatan.map(\.kecamatan.nilai), db: req.db)
            perKec = cak.perKecamatan.map { BarisKecamatan(nama: nama[$0.kecamatan.nilai] ?? $0.kecamatan.nilai, sasaran: $0.sasaran,
                                                          disebarkan: $0.disebarkan, jangkauan: $0.jangkauan) }
            let kim = Dictionary(uniqueKeysWithValues: try await rows.map(\.$kim.id).perBagian { try await KimModel.query(on: req.db).filter(\.$id ~~ $0).all() }.map { ($0.id!, $0.nama) })
            perKim = rows.sorted { $0.kodeWilayah < $1.kodeWilayah }.map { r in
                BarisKim(nama: kim[r.$kim.id] ?? "", status: r.status, statusLabel: r.statusPenerimaan.label,
                         saluran: (r.saluran ?? "").split(separator: ",").compactMap { SaluranDiseminasi(rawValue: String($0))?.label }.joined(separator: ", "),
                         jangkauan: r.jangkauan)
            }
        }
        return try await req.halaman("diseminasi-detail", KonteksDetail(
            tata: req.tata(m.judul), csrf: req.tokenCSRF, id: m.id!.uuidString, judul: m.judul, ringkasan: m.ringkasan, isi: m.isi,
            jenis: JenisMateri(rawValue: m.jenis)?.label ?? m.jenis, batas: Tanggal(iso: m.batasWaktu).map(TanggalIndonesia.panjang) ?? m.batasWaktu,
            statusSaya: milik?.status, statusSayaLabel: milik?.statusPenerimaan.label, bolehLapor: milik != nil,
            sasaran: c?.sasaran, dibaca: c?.dibaca, disebarkan: c?.disebarkan, jangkauan: c?.jangkauan, persen: c?.persen, terlambat: c?.terlambat.count,
            perKecamatan: perKec, perKim: perKim, pilihanSaluran: SaluranDiseminasi.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            hariIni: Tanggal(req.sekarang).iso, kesalahan: kesalahan,
            lampiran: try await BerkasMateriModel.query(on: req.db).filter(\.$materi.$id == m.id!).filter(\.$penerimaID == nil).all()
                .map { Pilihan(nilai: "/diseminasi/\(m.id!)/berkas/\($0.id!)", label: $0.namaAsli) }), status: status)
    }

    @Sendable func detail(req: Request) async throws -> Response {
        try await renderDetail(req, try await Self.satu(req))
    }

    @Sendable func laporkan(req: Request) async throws -> Response {
        let m = try await Self.satu(req)
        do {
            try await Self.laporkan(req, m, try req.content.decode(IsianLaporan.self))
            return req.alihkan("/diseminasi/\(m.id!)", kilat: "Laporan penyebaran tersimpan. Terima kasih.")
        } catch let e as KesalahanIsian {
            return try await renderDetail(req, m, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }
}
