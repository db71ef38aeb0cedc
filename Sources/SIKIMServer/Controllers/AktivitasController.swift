import SIKIMData
import Fluent
import SIKIMCore
import Vapor

/// KIM activity: the kegiatan log (web and API), coaching notes, and the list of quiet KIMs
/// that need coaching ("KIM perlu pembinaan").
struct AktivitasController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("kim", ":kim", "kegiatan", use: catatKegiatan).batasBadan(berkas: "30mb")
        routes.get("kim", ":kim", "kegiatan", ":kegiatan", "foto", ":foto", use: fotoKegiatan)
        routes.post("kim", ":kim", "pembinaan", use: catatPembinaan)
        routes.get("kim", "pembinaan", use: perluPembinaan)
        routes.post("pengaturan", "ambang", use: simpanAmbang)
        let api = routes.grouped("api", "v1", "kegiatan")
        api.get(use: daftarAPI)
        api.post(use: buatAPI).batasBadan(berkas: "30mb")
    }

    struct IsianKegiatan: Content {
        var kimId: String?
        var jenis: String?
        var tanggal: String?
        var tempat: String?
        var uraian: String?
        var peserta: String?

        enum CodingKeys: String, CodingKey { case jenis, tanggal, tempat, uraian, peserta, kimId = "kim_id" }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kimId = try c.decodeIfPresent(String.self, forKey: .kimId)
            jenis = try c.decodeIfPresent(String.self, forKey: .jenis)
            tanggal = try c.decodeIfPresent(String.self, forKey: .tanggal)
            tempat = try c.decodeIfPresent(String.self, forKey: .tempat)
            uraian = try c.decodeIfPresent(String.self, forKey: .uraian)
            peserta = try c.teksAtauAngka(.peserta)
        }
    }

    private func catat(_ req: Request, _ kim: KimModel, _ i: IsianKegiatan) async throws -> (KegiatanModel, foto: [UUID]) {
        let p = try req.wajibMasuk()
        return try await req.layananAktivitas.catatKegiatan(kim, jenis: i.jenis ?? "", tanggal: i.tanggal ?? "", tempat: i.tempat ?? "",
                                                          uraian: i.uraian ?? "", peserta: i.peserta,
                                                          foto: try CariLaporan.berkas(req, "foto"), oleh: p.aktor)
    }

    @Sendable func catatKegiatan(req: Request) async throws -> Response {
        let kim = try await CariKim.satu(req, boleh: { .lihatKim(wilayah: $0.wilayah, kim: $0.id) })
        do {
            _ = try await catat(req, kim, try req.content.decode(IsianKegiatan.self))
            return req.alihkan("/kim/\(kim.id!)#aktivitas", kilat: "Kegiatan dicatat.")
        } catch let e as KesalahanIsian {
            return try await KimController.renderDetail(req, kim, kesalahan: ["kegiatan": e.pesan], status: .unprocessableEntity)
        }
    }

    @Sendable func fotoKegiatan(req: Request) async throws -> Response {
        let kim = try await CariKim.satu(req, boleh: { .lihatKim(wilayah: $0.wilayah, kim: $0.id) })
        guard let kid = req.parameters.get("kegiatan", as: UUID.self), let fid = req.parameters.get("foto", as: UUID.self),
              let k = try await KegiatanModel.find(kid, on: req.db), k.$kim.id == kim.id,
              let f = try await FotoKegiatanModel.find(fid, on: req.db), f.$kegiatan.id == k.id else {
            throw KesalahanHTTP.tidakDitemukan("Foto")
        }
        let res = try await req.fileio.asyncStreamFile(at: req.layananAktivitas.penyimpanFoto.jalur(f.berkas))
        res.headers.replaceOrAdd(name: .contentType, value: f.tipeMime)
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return res
    }

    struct IsianPembinaan: Content { var jenis: String?; var catatan: String? }

    @Sendable func catatPembinaan(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let kim = try await CariKim.satu(req, boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        let i = try req.content.decode(IsianPembinaan.self)
        do {
            try await req.layananAktivitas.catatPembinaan(kim, jenis: i.jenis ?? "", catatan: i.catatan ?? "", oleh: p)
            return req.alihkan("/kim/\(kim.id!)#pembinaan", kilat: "Catatan pembinaan disimpan.")
        } catch let e as KesalahanIsian {
            return try await KimController.renderDetail(req, kim, kesalahan: ["pembinaan": e.pesan], status: .unprocessableEntity)
        }
    }

    struct BarisPembinaan: Encodable {
        let id: String, nama: String, wilayah: String, status: String, statusLabel: String
        let terakhir: String, ketua: String, nomorHp: String, catatanTerakhir: String?
    }
    struct Kelompok: Encodable { let kecamatan: String; let daftar: [BarisPembinaan] }
    struct KonteksPembinaan: Encodable { let tata: Tata; let kelompok: [Kelompok]; let jumlah: Int; let ambang: String }

    /// Quiet KIMs in the actor's scope, per kecamatan, with the ketua's contact.
    @Sendable func perluPembinaan(req: Request) async throws -> Response {
        try req.wajib(.lihatDaftarKim)
        let kim = try await CariKim.query(req).filter(\.$status ~~ Aktivitas.dinilai.map(\.rawValue))
            .sort(\.$kodeWilayah).all()
        let keadaan = try await req.layananAktivitas.keadaan(kim)
        let perlu = kim.filter { keadaan[$0.id!]?.status.perluPembinaan == true }
        let pengurus = try await CariKim.pengurus(perlu, db: req.db)
        let nama = try await NamaWilayah.untuk(perlu.map(\.kodeWilayah), db: req.db)
        let kecamatan = Dictionary(uniqueKeysWithValues: try await WilayahModel.query(on: req.db)
            .filter(\.$tingkat == Tingkat.kecamatan.rawValue).all().map { ($0.id!, $0.nama) })
        let catatan = Dictionary(grouping: try await perlu.compactMap(\.id).perBagian { ids in
            try await PembinaanModel.query(on: req.db).filter(\.$kim.$id ~~ ids).sort(\.$waktu, .descending).all()
        }, by: { $0.$kim.id })
        let baris = perlu.map { m -> (String, BarisPembinaan) in
            let k = keadaan[m.id!]!
            let ketua = pengurus[m.id!]?.first { $0.jabatanKim == .ketua }
            let kec = m.tingkatKim == .kecamatan ? m.kodeWilayah : m.wilayah.induk!.nilai
            return (kecamatan[kec] ?? kec, BarisPembinaan(
                id: m.id!.uuidString, nama: m.nama, wilayah: nama[m.kodeWilayah] ?? m.kodeWilayah, status: k.status.rawValue,
                statusLabel: k.status.label, terakhir: k.terakhir.map(TanggalIndonesia.panjang) ?? "belum ada kegiatan",
                ketua: ketua?.nama ?? "—", nomorHp: ketua.map { NomorTelepon.tampil($0.nomorHP) } ?? "—",
                catatanTerakhir: catatan[m.id!]?.first.map { "\(TanggalIndonesia.panjang($0.waktu)): \($0.catatan)" }))
        }
        let kelompok = Dictionary(grouping: baris, by: \.0).sorted { $0.key < $1.key }.map { Kelompok(kecamatan: $0.key, daftar: $0.value.map(\.1)) }
        let a = try await req.layananAktivitas.ambang()
        return try await req.halaman("kim-pembinaan", KonteksPembinaan(
            tata: req.tata("KIM perlu pembinaan"), kelompok: kelompok, jumlah: perlu.count,
            ambang: "aktif ≤ \(a.aktif) hari, kurang aktif ≤ \(a.kurangAktif) hari, tidak aktif sesudahnya atau tanpa kegiatan \(a.awal) hari setelah disahkan"))
    }

    struct IsianAmbang: Content { var aktif: String?; var kurangAktif: String?; var awal: String?
        enum CodingKeys: String, CodingKey { case aktif, awal, kurangAktif = "kurang_aktif" } }

    /// All three thresholds are sent each time: a field missing or not a number is an error,
    /// never a silent return to the defaults.
    @Sendable func simpanAmbang(req: Request) async throws -> Response {
        try req.wajib(.kelolaPengaturan)
        let i = try req.content.decode(IsianAmbang.self)
        do {
            func hari(_ s: String?, _ label: String) throws -> Int {
                guard let n = s.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                    throw KesalahanIsian("ambang", "\(label) wajib diisi dengan jumlah hari (bilangan bulat).")
                }
                return n
            }
            try await req.layananAktivitas.simpanAmbang(AmbangAktivitas(aktif: try hari(i.aktif, "Ambang aktif"),
                                                                         kurangAktif: try hari(i.kurangAktif, "Ambang kurang aktif"),
                                                                         awal: try hari(i.awal, "Masa awal")))
        } catch let e as KesalahanIsian {
            return try await PengaturanController.render(req, kesalahan: ["ambang": e.pesan], status: .unprocessableEntity)
        }
        return req.alihkan("/pengaturan", kilat: "Ambang status aktivitas diperbarui.")
    }

    // MARK: API

    struct KegiatanDTO: Content {
        let id: UUID, kimId: UUID, jenis: String, tanggal: String, tempat: String, uraian: String, peserta: Int?, foto: [String]
    }

    @Sendable func daftarAPI(req: Request) async throws -> Halaman<KegiatanDTO> {
        // Not the public directory's fallback: kegiatan are for the KIM's own people only.
        try req.wajib(.lihatDaftarKim)
        let q = try CariKim.saring(KegiatanModel.query(on: req.db).join(KimModel.self, on: \KegiatanModel.$kim.$id == \KimModel.$id), req)
        if let teks = try req.kueri["kim_id"], !teks.isEmpty {
            guard let id = UUID(uuidString: teks), try await CariKim.query(req).filter(\.$id == id).count() > 0 else {
                throw KesalahanHTTP.tidakDitemukan("KIM")
            }
            q.filter(\.$kim.$id == id)
        }
        let p = try Paginasi(req)
        if let c = p.setelah {
            let b = c.split(separator: "|")
            guard b.count == 2, let id = UUID(uuidString: String(b[1])) else { throw KesalahanHTTP.parameter("Parameter cursor tidak valid.") }
            let t = String(b[0])
            q.group(.or) { o in o.filter(\.$tanggal < t); o.group(.and) { $0.filter(\.$tanggal == t).filter(\.$id < id) } }
        }
        let semua = try await q.sort(\.$tanggal, .descending).sort(\.$id, .descending).limit(p.limit + 1).all()
        let isi = Array(semua.prefix(p.limit))
        let foto = Dictionary(grouping: isi.isEmpty ? [] : try await FotoKegiatanModel.query(on: req.db).filter(\.$kegiatan.$id ~~ isi.compactMap(\.id)).all(),
                              by: { $0.$kegiatan.id })
        return Halaman(data: isi.map { k in
            KegiatanDTO(id: k.id!, kimId: k.$kim.id, jenis: k.jenis, tanggal: k.tanggal, tempat: k.tempat, uraian: k.uraian, peserta: k.peserta,
                        foto: (foto[k.id!] ?? []).map { "/kim/\(k.$kim.id)/kegiatan/\(k.id!)/foto/\($0.id!)" })
        }, nextCursor: semua.count > p.limit ? isi.last.map { Paginasi.kode("\($0.tanggal)|\($0.id!.uuidString)") } : nil)
    }

    @Sendable func buatAPI(req: Request) async throws -> Response {
        _ = try req.wajibMasuk()
        let i = try req.content.decode(IsianKegiatan.self)
        guard let id = i.kimId.flatMap(UUID.init(uuidString:)) else {
            throw KesalahanIsian("kim_id", "Pilih KIM yang kegiatannya dicatat.")
        }
        // A KIM outside the actor's scope does not exist for them, as everywhere else.
        guard let kim = try await KimModel.find(id, on: req.db), Kebijakan.boleh(req.aktor, .lihatKim(wilayah: kim.wilayah, kim: kim.id)) else {
            throw KesalahanHTTP.tidakDitemukan("KIM")
        }
        let (k, foto) = try await catat(req, kim, i)
        return try await KegiatanDTO(id: k.id!, kimId: id, jenis: k.jenis, tanggal: k.tanggal, tempat: k.tempat, uraian: k.uraian,
                                     peserta: k.peserta, foto: foto.map { "/kim/\(id)/kegiatan/\(k.id!)/foto/\($0)" })
            .encodeResponse(status: .created, for: req)
    }
}
