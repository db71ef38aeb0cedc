import SIKIMData
import Fluent
import SIKIMCore
import Vapor

/// User accounts: scoped lists and detail pages, admin management, API tokens.
struct PenggunaController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let web = routes.grouped("pengguna")
        web.get(use: daftar)
        web.get("baru", use: formBaru)
        web.post(use: buat)
        web.get(":id", use: detail)
        web.post(":id", use: ubah)
        web.post(":id", "status", use: ubahStatus)
        web.post(":id", "kata-sandi", use: setelKataSandi)
        web.post(":id", "token", use: terbitkanToken)
        routes.post("token", ":token", "cabut", use: cabutToken)

        let api = routes.grouped("api", "v1")
        api.get("pengguna", use: daftarAPI)
        api.post("pengguna", use: buatAPI)
        api.get("pengguna", ":id", use: detailAPI)
        api.patch("pengguna", ":id", use: ubahAPI)
        api.post("pengguna", ":id", "kata-sandi", use: setelKataSandiAPI)
        api.get("pengguna", ":id", "token", use: daftarTokenAPI)
        api.post("pengguna", ":id", "token", use: terbitkanTokenAPI)
        api.delete("token", ":token", use: cabutTokenAPI)
    }

    // MARK: Shared lookups

    /// The users the actor may see, as a query (the policy's scope turned into SQL).
    private func queryTerlihat(_ req: Request) throws -> QueryBuilder<PenggunaModel> {
        try req.wajib(.lihatDaftarPengguna)
        let q = PenggunaModel.query(on: req.db)
        switch Kebijakan.cakupanPengguna(req.aktor) {
        case .semua: break
        case .tidakAda: throw KesalahanHTTP.dilarang
        case .wilayah(let kode, let peran):
            q.filter(\.$peran ~~ peran.map(\.rawValue))
            q.group(.or) { $0.filter(\.$kodeWilayah == kode.nilai).filter(\.$kodeWilayah =~ (kode.nilai + ".")) }
        }
        if let p = try req.kueri["peran"], !p.isEmpty {
            guard let peran = Peran(rawValue: p) else { throw KesalahanHTTP.parameter("Parameter peran tidak dikenal.") }
            q.filter(\.$peran == peran.rawValue)
        }
        return q
    }

    /// A user the actor may see; anyone outside the actor's scope does not exist for them.
    private func cari(_ req: Request) async throws -> PenggunaModel {
        guard let id = req.parameters.get("id", as: UUID.self),
              let m = try await PenggunaModel.find(id, on: req.db),
              let p = try? m.penugasan(), Kebijakan.boleh(req.aktor, .lihatPengguna(p))
        else {
            _ = try req.wajibMasuk()
            throw KesalahanHTTP.tidakDitemukan("Pengguna")
        }
        return m
    }

    /// A token its owner or the admin may revoke; anyone else's does not exist for them.
    private func cariToken(_ req: Request) async throws -> TokenAPIModel {
        _ = try req.wajibMasuk()
        guard let id = req.parameters.get("token", as: UUID.self), let t = try await TokenAPIModel.find(id, on: req.db),
              Kebijakan.boleh(req.aktor, .cabutToken(pemilik: t.$pengguna.id)) else {
            throw KesalahanHTTP.tidakDitemukan("Token")
        }
        return t
    }

    private func layananToken(_ req: Request) -> LayananToken { LayananToken(db: req.db, jam: req.application.jam) }

    // MARK: Web pages

    struct Baris: Encodable {
        let id: String
        let username: String
        let nama: String
        let peran: String
        let ikatan: String?
        let aktif: Bool
        let terakhirMasuk: String?
    }

    struct KonteksDaftar: Encodable {
        let tata: Tata
        let daftar: [Baris]
        let kosong: Bool
        let bolehKelola: Bool
        let filterPeran: String
        let pilihanPeran: [Pilihan]
        let lanjut: String?
    }

    @Sendable func daftar(req: Request) async throws -> Response {
        let halaman = try await Paginasi(req).baris(try queryTerlihat(req), kunci: \.$username)
        let nama = try await namaIkatan(halaman.data, db: req.db)
        let filter = (try? req.kueri)?["peran"] ?? ""
        let daftar = try halaman.data.map { m in
            Baris(id: try m.requireID().uuidString, username: m.username, nama: m.nama,
                  peran: Peran(rawValue: m.peran)?.label ?? m.peran, ikatan: (m.kodeWilayah ?? m.kodeOPD).flatMap { nama[$0] },
                  aktif: m.aktif, terakhirMasuk: m.terakhirMasuk.map(TanggalIndonesia.denganJam))
        }
        let lanjut = halaman.nextCursor.map { c in "/pengguna?cursor=\(c)" + (filter.isEmpty ? "" : "&peran=\(filter)") }
        return try await req.halaman("pengguna-daftar", KonteksDaftar(
            tata: req.tata("Pengguna"), daftar: daftar, kosong: daftar.isEmpty, bolehKelola: Kebijakan.boleh(req.aktor, .kelolaPengguna),
            filterPeran: filter, pilihanPeran: Peran.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            lanjut: lanjut))
    }

    /// Display names of the regions and OPD that users are bound to, in two queries.
    private func namaIkatan(_ daftar: [PenggunaModel], db: any Database) async throws -> [String: String] {
        let kodeW = Set(daftar.compactMap(\.kodeWilayah)), kodeO = Set(daftar.compactMap(\.kodeOPD))
        var nama: [String: String] = [:]
        if !kodeW.isEmpty {
            for w in try await WilayahModel.query(on: db).filter(\.$id ~~ Array(kodeW)).all() { nama[w.id!] = w.domain.namaLengkap }
        }
        if !kodeO.isEmpty {
            for o in try await OPDModel.query(on: db).filter(\.$id ~~ Array(kodeO)).all() { nama[o.id!] = o.nama }
        }
        return nama
    }

    struct Isian: Content {
        var username: String?
        var nama: String?
        var kataSandi: String?
        var peran: String?
        var kodeWilayah: String?
        var kodeOpd: String?
        var kimId: String?

        enum CodingKeys: String, CodingKey {
            case username, nama, peran
            case kataSandi = "kata_sandi", kodeWilayah = "kode_wilayah", kodeOpd = "kode_opd", kimId = "kim_id"
        }
    }

    struct KonteksForm: Encodable {
        let tata: Tata
        let csrf: String
        let isian: Isian
        let kesalahan: GalatIsian
        let pilihanPeran: [Pilihan]
        let pilihanWilayah: [Pilihan]
        let pilihanOPD: [Pilihan]
        let pilihanKim: [Pilihan]
    }

    private func pilihan(_ req: Request) async throws -> (wilayah: [Pilihan], opd: [Pilihan], kim: [Pilihan]) {
        let w = try await WilayahModel.query(on: req.db).filter(\.$tingkat != Tingkat.kabupaten.rawValue).sort(\.$id).all()
        var namaKec: [String: String] = [:]
        for k in w where k.tingkat == Tingkat.kecamatan.rawValue { namaKec[k.id!] = k.nama }
        let wilayah = w.map { m in
            let grup = m.tingkat == Tingkat.kecamatan.rawValue ? m.nama : (namaKec[m.kodeInduk] ?? "")
            return Pilihan(nilai: m.id!, label: "\(m.domain.namaLengkap) (\(m.id!))", grup: "Kecamatan \(grup)")
        }
        let opd = try await OPDModel.query(on: req.db).filter(\.$aktif == true).sort(\.$nama).all()
            .map { Pilihan(nilai: $0.id!, label: $0.nama) }
        let kim = try await KimModel.query(on: req.db).filter(\.$status != StatusKim.dibubarkan.rawValue).sort(\.$nama).all()
            .map { Pilihan(nilai: $0.id!.uuidString, label: $0.nama) }
        return (wilayah, opd, kim)
    }

    private func renderForm(_ req: Request, isian: Isian, kesalahan: GalatIsian, status: HTTPStatus) async throws -> Response {
        let (w, o, k) = try await pilihan(req)
        var tanpaSandi = isian
        tanpaSandi.kataSandi = nil
        return try await req.halaman("pengguna-baru", KonteksForm(
            tata: req.tata("Tambah pengguna"), csrf: req.tokenCSRF, isian: tanpaSandi, kesalahan: kesalahan,
            pilihanPeran: Peran.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanWilayah: w, pilihanOPD: o, pilihanKim: k), status: status)
    }

    @Sendable func formBaru(req: Request) async throws -> Response {
        try req.wajib(.kelolaPengguna)
        return try await renderForm(req, isian: Isian(), kesalahan: [:], status: .ok)
    }

    @Sendable func buat(req: Request) async throws -> Response {
        try req.wajib(.kelolaPengguna)
        let isian = try req.content.decode(Isian.self)
        do {
            let m = try await req.layananAkun.buat(username: isian.username ?? "", nama: isian.nama ?? "",
                                                   kataSandi: isian.kataSandi ?? "", peran: isian.peran ?? "",
                                                   kodeWilayah: isian.kodeWilayah, kodeOPD: isian.kodeOpd,
                                                   kimID: try Self.uuid(isian.kimId))
            return req.alihkan("/pengguna/\(try m.requireID())", kilat: "Pengguna \(m.username) dibuat.")
        } catch let e as KesalahanIsian {
            return try await renderForm(req, isian: isian, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }


    struct KonteksDetail: Encodable {
        let tata: Tata
        let csrf: String
        let id: String
        let username: String
        let nama: String
        let peran: String
        let peranLabel: String
        let isian: Isian
        let ikatan: String?
        let aktif: Bool
        let dibuat: String
        let terakhirMasuk: String?
        let bolehKelola: Bool
        let token: [BarisToken]
        let adaToken: Bool
        let tokenBaru: String?
        let kesalahan: GalatIsian
        let pilihanPeran: [Pilihan]
        let pilihanWilayah: [Pilihan]
        let pilihanOPD: [Pilihan]
        let pilihanKim: [Pilihan]
    }

    private func renderDetail(_ req: Request, _ m: PenggunaModel, tokenBaru: String? = nil,
                              kesalahan: GalatIsian = [:], status: HTTPStatus = .ok) async throws -> Response {
        let kelola = Kebijakan.boleh(req.aktor, .kelolaPengguna)
        var token: [BarisToken] = []
        var pilihanW: [Pilihan] = [], pilihanO: [Pilihan] = [], pilihanK: [Pilihan] = []
        if kelola {
            token = try await BarisToken.milik(try m.requireID(), db: req.db, sekarang: req.sekarang)
            (pilihanW, pilihanO, pilihanK) = try await pilihan(req)
        }
        let nama = try await namaIkatan([m], db: req.db)
        return try await req.halaman("pengguna-detail", KonteksDetail(
            tata: req.tata(m.nama), csrf: req.tokenCSRF, id: try m.requireID().uuidString, username: m.username,
            nama: m.nama, peran: m.peran, peranLabel: Peran(rawValue: m.peran)?.label ?? m.peran,
            isian: Isian(peran: m.peran, kodeWilayah: m.kodeWilayah, kodeOpd: m.kodeOPD, kimId: m.kimID?.uuidString), ikatan: (m.kodeWilayah ?? m.kodeOPD).flatMap { nama[$0] },
            aktif: m.aktif, dibuat: TanggalIndonesia.denganJam(m.dibuatPada),
            terakhirMasuk: m.terakhirMasuk.map(TanggalIndonesia.denganJam), bolehKelola: kelola, token: token,
            adaToken: !token.isEmpty, tokenBaru: tokenBaru, kesalahan: kesalahan,
            pilihanPeran: Peran.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanWilayah: pilihanW, pilihanOPD: pilihanO, pilihanKim: pilihanK), status: status)
    }

    @Sendable func detail(req: Request) async throws -> Response {
        try await renderDetail(req, try await cari(req))
    }

    /// Runs an admin change on a user and answers with the detail page: a redirect with a
    /// notice on success, the page with the field errors on failure.
    private func ubahDenganForm(_ req: Request, berhasil: String,
                                _ langkah: (PenggunaModel) async throws -> Void) async throws -> Response {
        try req.wajib(.kelolaPengguna)
        let m = try await cari(req)
        do {
            try await langkah(m)
            return req.alihkan("/pengguna/\(try m.requireID())", kilat: berhasil)
        } catch let e as KesalahanIsian {
            return try await renderDetail(req, m, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }

    @Sendable func ubah(req: Request) async throws -> Response {
        let isian = try req.content.decode(Isian.self)
        return try await ubahDenganForm(req, berhasil: "Data pengguna diperbarui.") { m in
            let penugasan = try await Self.penugasan(req, peran: isian.peran, kodeWilayah: isian.kodeWilayah,
                                                     kodeOPD: isian.kodeOpd, kimID: isian.kimId, lama: nil)
            try await req.layananAkun.ubah(m, nama: isian.nama, penugasan: penugasan, aktif: nil)
        }
    }

    struct IsianStatus: Content { var aktif: String? }

    @Sendable func ubahStatus(req: Request) async throws -> Response {
        let aktif = try req.content.decode(IsianStatus.self).aktif == "1"
        return try await ubahDenganForm(req, berhasil: aktif ? "Pengguna diaktifkan." : "Pengguna dinonaktifkan.") { m in
            try await req.layananAkun.ubah(m, nama: nil, penugasan: nil, aktif: aktif)
        }
    }

    @Sendable func setelKataSandi(req: Request) async throws -> Response {
        let isian = try req.content.decode(Isian.self)
        return try await ubahDenganForm(req, berhasil: "Kata sandi diganti; sesi dan token lama pengguna ini diakhiri.") { m in
            try await req.layananAkun.setelKataSandi(m, isian.kataSandi ?? "")
        }
    }

    struct IsianToken: Content { var nama: String? }

    @Sendable func terbitkanToken(req: Request) async throws -> Response {
        try req.wajib(.kelolaToken)
        let m = try await cari(req)
        let nama = (try req.content.decode(IsianToken.self).nama).flatMap { $0.isEmpty ? nil : $0 } ?? "Token API"
        let (_, token) = try await layananToken(req).terbitkan(untuk: m, nama: nama)
        return try await renderDetail(req, m, tokenBaru: token, status: .created)
    }

    @Sendable func cabutToken(req: Request) async throws -> Response {
        let t = try await cariToken(req)
        try await layananToken(req).cabut(t)
        return req.alihkan(t.$pengguna.id == req.aktor?.id ? "/akun#token" : "/pengguna/\(t.$pengguna.id)", kilat: "Token \(t.nama) dicabut.")
    }

    // MARK: API

    /// Builds a new assignment from a change request; `nil` when nothing about it changes.
    /// Without a new role, the binding fields change within the stored role. A pengurus KIM's
    /// region always comes from its KIM.
    static func penugasan(_ req: Request, peran: String?, kodeWilayah: String?, kodeOPD: String?, kimID: String?,
                          lama: PenggunaModel?) async throws -> Penugasan? {
        guard peran != nil || kodeWilayah != nil || kodeOPD != nil || kimID != nil else { return nil }
        let teks = peran ?? lama?.peran ?? ""
        guard let p = Peran(rawValue: teks) else { throw KesalahanIsian("peran", "Peran \"\(teks.prefix(40))\" tidak dikenal.") }
        let tetap = peran == nil ? lama : nil
        let kim = try await req.layananAkun.ikatanKim(try uuid(kimID) ?? tetap?.kimID)
        return try Penugasan.buat(peran: p, kodeWilayah: p == .pengurusKim ? nil : kodeWilayah ?? tetap?.kodeWilayah,
                                  kodeOPD: kodeOPD ?? tetap?.kodeOPD, kim: kim)
    }

    /// An optional id from a form or JSON field; empty means none.
    static func uuid(_ teks: String?) throws -> UUID? {
        guard let teks, !teks.isEmpty else { return nil }
        guard let id = UUID(uuidString: teks) else { throw KesalahanIsian("kim_id", "ID KIM tidak valid.") }
        return id
    }

    @Sendable func daftarAPI(req: Request) async throws -> Halaman<PenggunaDTO> {
        try await Paginasi(req).halaman(try queryTerlihat(req), kunci: \.$username, PenggunaDTO.init)
    }

    @Sendable func detailAPI(req: Request) async throws -> PenggunaDTO {
        try PenggunaDTO(try await cari(req))
    }

    @Sendable func buatAPI(req: Request) async throws -> Response {
        try req.wajib(.kelolaPengguna)
        let b = try req.content.decode(Isian.self)
        let m = try await req.layananAkun.buat(username: b.username ?? "", nama: b.nama ?? "", kataSandi: b.kataSandi ?? "",
                                               peran: b.peran ?? "", kodeWilayah: b.kodeWilayah, kodeOPD: b.kodeOpd,
                                               kimID: try Self.uuid(b.kimId))
        return try await PenggunaDTO(m).encodeResponse(status: .created, for: req)
    }

    struct UbahPengguna: Content {
        var nama: String?
        var peran: String?
        var kodeWilayah: String?
        var kodeOpd: String?
        var kimId: String?
        var aktif: Bool?

        enum CodingKeys: String, CodingKey {
            case nama, peran, aktif, kodeWilayah = "kode_wilayah", kodeOpd = "kode_opd", kimId = "kim_id"
        }
    }

    @Sendable func ubahAPI(req: Request) async throws -> PenggunaDTO {
        try req.wajib(.kelolaPengguna)
        let m = try await cari(req)
        let b = try req.content.decode(UbahPengguna.self)
        let p = try await Self.penugasan(req, peran: b.peran, kodeWilayah: b.kodeWilayah, kodeOPD: b.kodeOpd,
                                         kimID: b.kimId, lama: m)
        try await req.layananAkun.ubah(m, nama: b.nama, penugasan: p, aktif: b.aktif)
        return try PenggunaDTO(m)
    }

    struct KataSandiBaru: Content {
        let kataSandi: String
        enum CodingKeys: String, CodingKey { case kataSandi = "kata_sandi" }
    }

    @Sendable func setelKataSandiAPI(req: Request) async throws -> HTTPStatus {
        try req.wajib(.kelolaPengguna)
        let m = try await cari(req)
        try await req.layananAkun.setelKataSandi(m, try req.content.decode(KataSandiBaru.self).kataSandi)
        return .noContent
    }

    @Sendable func daftarTokenAPI(req: Request) async throws -> Halaman<TokenDTO> {
        try req.wajib(.kelolaToken)
        let m = try await cari(req)
        return Halaman(data: try await TokenDTO.milik(try m.requireID(), db: req.db), nextCursor: nil)
    }

    @Sendable func terbitkanTokenAPI(req: Request) async throws -> Response {
        try req.wajib(.kelolaToken)
        let m = try await cari(req)
        let nama = (try? req.content.decode(IsianToken.self).nama).flatMap { $0 } ?? "Token API"
        let (t, token) = try await layananToken(req).terbitkan(untuk: m, nama: nama)
        return try await TokenBaruDTO(token: token, id: t.requireID()).encodeResponse(status: .created, for: req)
    }

    @Sendable func cabutTokenAPI(req: Request) async throws -> HTTPStatus {
        try await layananToken(req).cabut(try await cariToken(req))
        return .noContent
    }
}
