import SIKIMData
import Fluent
import SIKIMCore
import Vapor

/// `/api/v1/kim`: the KIM registry, its board and its lifecycle as JSON.
struct KimAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let kim = routes.grouped("api", "v1", "kim")
        kim.get(use: daftar)
        kim.post(use: buat)
        kim.get(":kim", use: detail)
        kim.patch(":kim", use: ubah)
        kim.get(":kim", "pengurus", use: daftarPengurus)
        kim.post(":kim", "pengurus", use: tambahPengurus)
        kim.patch(":kim", "pengurus", ":pengurus", use: ubahPengurus)
        kim.delete(":kim", "pengurus", ":pengurus", use: hapusPengurus)
        kim.get(":kim", "transisi", use: riwayat)
        kim.post(":kim", "transisi", use: transisi)
    }

    @Sendable func daftar(req: Request) async throws -> Halaman<KimDTO> {
        let q = try CariKim.query(req)
        let (baris, lanjut) = try await CariKim.halaman(q, req: req)
        let lengkap = Kebijakan.cakupanKim(req.aktor) != .tidakAda
        let pengurus = lengkap ? try await CariKim.pengurus(baris, db: req.db) : [:]
        let aktivitas = try await req.layananAktivitas.keadaan(baris)
        return Halaman(data: try baris.map { try KimDTO($0, pengurus: pengurus[$0.id!] ?? [], lengkap: lengkap, aktivitas: aktivitas[$0.id!]) },
                       nextCursor: lanjut)
    }

    @Sendable func detail(req: Request) async throws -> KimDTO {
        let m = try await CariKim.satu(req, boleh: { .lihatKim(wilayah: $0.wilayah, kim: $0.id) })
        return try KimDTO(m, pengurus: try await req.layananKim.pengurus(m), lengkap: true,
                          aktivitas: try await req.layananAktivitas.keadaan([m])[m.id!])
    }

    @Sendable func buat(req: Request) async throws -> Response {
        try req.wajib(.bentukKim) // before the fields: who may not form a KIM learns nothing from validation
        let m = try await req.layananKim.buat(try req.content.decode(IsianKim.self), oleh: req.aktor)
        return try await KimDTO(m, pengurus: try await req.layananKim.pengurus(m), lengkap: true).encodeResponse(status: .created, for: req)
    }

    @Sendable func ubah(req: Request) async throws -> KimDTO {
        let isian = try req.content.decode(IsianKim.self)
        let m = try await CariKim.satu(req, boleh: { .ubahBidangKim(wilayah: $0.wilayah, kim: $0.id!, bidang: isian.bidangDiisi) })
        try await req.layananKim.ubah(m, isian, versi: isian.versi)
        return try KimDTO(m, pengurus: try await req.layananKim.pengurus(m), lengkap: true)
    }

    @Sendable func daftarPengurus(req: Request) async throws -> Halaman<PengurusDTO> {
        let m = try await CariKim.satu(req, boleh: { .lihatKim(wilayah: $0.wilayah, kim: $0.id) })
        return Halaman(data: try await req.layananKim.pengurus(m).map(PengurusDTO.init), nextCursor: nil)
    }

    @Sendable func tambahPengurus(req: Request) async throws -> Response {
        let m = try await CariKim.satu(req, boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        let p = try await req.layananKim.simpanPengurus(m, try req.content.decode(IsianPengurus.self))
        return try await PengurusDTO(p).encodeResponse(status: .created, for: req)
    }

    @Sendable func ubahPengurus(req: Request) async throws -> PengurusDTO {
        let m = try await CariKim.satu(req, boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        let lama = try await CariKim.pengurus(req, kim: m)
        var isian = try req.content.decode(IsianPengurus.self)
        isian.nama = isian.nama ?? lama.nama
        isian.jabatan = isian.jabatan ?? lama.jabatan
        isian.keterangan = isian.keterangan ?? lama.keterangan
        isian.jenisKelamin = isian.jenisKelamin ?? lama.jenisKelamin
        isian.nomorHp = isian.nomorHp ?? lama.nomorHP
        isian.email = isian.email ?? lama.email
        isian.tahunLahir = isian.tahunLahir ?? String(lama.tahunLahir)
        isian.masaBaktiMulai = isian.masaBaktiMulai ?? lama.masaBaktiMulai
        isian.masaBaktiSelesai = isian.masaBaktiSelesai ?? lama.masaBaktiSelesai
        return try PengurusDTO(try await req.layananKim.simpanPengurus(m, isian, ganti: lama))
    }

    @Sendable func hapusPengurus(req: Request) async throws -> HTTPStatus {
        let m = try await CariKim.satu(req, boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        try await req.layananKim.hapusPengurus(m, try await CariKim.pengurus(req, kim: m))
        return .noContent
    }

    @Sendable func riwayat(req: Request) async throws -> Halaman<TransisiKimDTO> {
        let m = try await CariKim.satu(req, boleh: { .lihatKim(wilayah: $0.wilayah, kim: $0.id) })
        let t = try await TransisiKimModel.query(on: req.db).filter(\.$kim.$id == m.requireID()).sort(\.$urutan).all()
        return Halaman(data: t.map(TransisiKimDTO.init), nextCursor: nil)
    }

    struct PermintaanTransisi: Content {
        let ke: String
        let catatan: String?
        let nomorSk: String?
        let tanggalSk: String?
        /// The version the client decided from (`versi` of the KIM it read); optional.
        let versi: Int?

        enum CodingKeys: String, CodingKey {
            case ke, catatan, versi, nomorSk = "nomor_sk", tanggalSk = "tanggal_sk"
        }
    }

    @Sendable func transisi(req: Request) async throws -> KimDTO {
        let p = try req.wajibMasuk()
        let m = try await CariKim.satu(req, boleh: { .lihatKim(wilayah: $0.wilayah, kim: $0.id) })
        let b = try req.content.decode(PermintaanTransisi.self)
        guard let ke = StatusKim(rawValue: b.ke) else {
            throw KesalahanHTTP.parameter("Status tujuan \"\(b.ke.prefix(40))\" tidak dikenal.")
        }
        let aksi = SiklusKim.aksi(menuju: ke, dari: m.statusKim)
        _ = try await req.layananKim.transisi(m, aksi: aksi, data: try CariKim.dataTransisi(catatan: b.catatan, nomorSK: b.nomorSk,
                                                                                           tanggalSK: b.tanggalSk), oleh: p, versi: b.versi)
        return try KimDTO(m, pengurus: try await req.layananKim.pengurus(m), lengkap: true)
    }
}

/// Finding KIMs for a request: scope from the policy, filters, keyset pages, one KIM by id.
enum CariKim {
    /// KIMs the actor may list: everything, an area, one KIM, or for the public the directory
    /// of legalised, active KIMs.
    static func query(_ req: Request) throws -> QueryBuilder<KimModel> {
        try saring(KimModel.query(on: req.db), req)
    }

    /// The same conditions on a query whose rows belong to a KIM joined as `KimModel`: the
    /// database applies them, so no list of KIM ids is sent whatever the number of KIMs.
    static func saring<M: Model>(_ q: QueryBuilder<M>, _ req: Request) throws -> QueryBuilder<M> {
        func dalam(_ k: KodeWilayah) {
            q.group(.or) { $0.filter(KimModel.self, \.$kodeWilayah == k.nilai).filter(KimModel.self, \.$kodeWilayah =~ (k.nilai + ".")) }
        }
        switch Kebijakan.cakupanKim(req.aktor) {
        case .semua: break
        case .wilayah(let k): dalam(k)
        case .satu(let id): q.filter(KimModel.self, \.$id == id)
        case .tidakAda: q.filter(KimModel.self, \.$status == StatusKim.aktif.rawValue)
        }
        if let s = try req.kueri["status"], !s.isEmpty {
            guard let status = StatusKim(rawValue: s) else { throw KesalahanHTTP.parameter("Parameter status tidak dikenal.") }
            q.filter(KimModel.self, \.$status == status.rawValue)
        }
        if let t = try req.kueri["tingkat"], !t.isEmpty {
            guard let tingkat = TingkatKim(rawValue: t) else { throw KesalahanHTTP.parameter("Parameter tingkat harus desa atau kecamatan.") }
            q.filter(KimModel.self, \.$tingkat == tingkat.rawValue)
        }
        if let w = try req.kueri["kode_wilayah"], !w.isEmpty {
            guard let kode = KodeWilayah(w) else { throw KesalahanHTTP.parameter("Parameter kode_wilayah bukan kode wilayah yang valid.") }
            dalam(kode)
        }
        return q
    }

    /// One page ordered by region code then id; the cursor holds both.
    static func halaman(_ q: QueryBuilder<KimModel>, req: Request) async throws -> ([KimModel], String?) {
        let p = try Paginasi(req)
        if let c = p.setelah {
            let bagian = c.split(separator: "|")
            guard bagian.count == 2, let id = UUID(uuidString: String(bagian[1])) else {
                throw KesalahanHTTP.parameter("Parameter cursor tidak valid.")
            }
            let kode = String(bagian[0])
            q.group(.or) { o in
                o.filter(\.$kodeWilayah > kode)
                o.group(.and) { $0.filter(\.$kodeWilayah == kode).filter(\.$id > id) }
            }
        }
        let semua = try await q.sort(\.$kodeWilayah).sort(\.$id).limit(p.limit + 1).all()
        let isi = Array(semua.prefix(p.limit))
        let lanjut = semua.count > p.limit ? isi.last.map { Paginasi.kode("\($0.kodeWilayah)|\($0.id!.uuidString)") } : nil
        return (isi, lanjut)
    }

    /// Boards of many KIMs in one query.
    static func pengurus(_ kim: [KimModel], db: any Database) async throws -> [UUID: [PengurusModel]] {
        guard !kim.isEmpty else { return [:] }
        let semua = try await kim.compactMap(\.id).perBagian { try await PengurusModel.query(on: db).filter(\.$kim.$id ~~ $0).all() }
        return Dictionary(grouping: semua, by: { $0.$kim.id }).mapValues { $0.sorted(by: PengurusModel.urut) }
    }

    /// A KIM by the `:kim` parameter, if the policy lets the actor do `boleh` on it; one the
    /// actor may not even read does not exist for them.
    static func satu(_ req: Request, boleh: (KimModel) -> Tindakan) async throws -> KimModel {
        guard let id = req.parameters.get("kim", as: UUID.self), let m = try await KimModel.find(id, on: req.db),
              Kebijakan.boleh(req.aktor, .lihatKim(wilayah: m.wilayah, kim: m.id)) else {
            _ = try req.wajibMasuk()
            throw KesalahanHTTP.tidakDitemukan("KIM")
        }
        try req.wajib(boleh(m))
        return m
    }

    static func pengurus(_ req: Request, kim: KimModel) async throws -> PengurusModel {
        guard let id = req.parameters.get("pengurus", as: UUID.self), let p = try await PengurusModel.find(id, on: req.db),
              p.$kim.id == kim.id else { throw KesalahanHTTP.tidakDitemukan("Pengurus") }
        return p
    }

    static func dataTransisi(catatan: String?, nomorSK: String?, tanggalSK: String?) throws -> DataTransisi {
        var t: Tanggal?
        if let s = tanggalSK, !s.isEmpty {
            guard let x = Tanggal(iso: s) else { throw KesalahanIsian("tanggal_sk", "Tanggal SK harus berformat TTTT-BB-HH.") }
            t = x
        }
        return DataTransisi(catatan: catatan, nomorSK: nomorSK, tanggalSK: t)
    }
}
