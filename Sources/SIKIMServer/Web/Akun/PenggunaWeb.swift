import SIKIMCore
import SIKIMData
import Vapor

/// Account pages: the scoped list, the detail page, and the admin's management of accounts
/// and their API tokens.
struct PenggunaWeb: RouteCollection {
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
    }

    private func cari(_ req: Request) async throws -> PenggunaModel {
        _ = try req.wajibMasuk()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw TidakDitemukan("Pengguna") }
        return try await LayananAkun(l: req.lingkungan).cari(id, untuk: req.aktor)
    }

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
        try req.wajib(.lihatDaftarPengguna)
        let layanan = LayananAkun(l: req.lingkungan)
        let halaman = try await layanan.halaman(untuk: req.aktor, peran: try req.peranDiminta(), try req.paginasi())
        let nama = try await layanan.namaIkatan(halaman.isi)
        let filter = (try? req.kueri)?["peran"] ?? ""
        let daftar = try halaman.isi.map { m in
            Baris(id: try m.requireID().uuidString, username: m.username, nama: m.nama,
                  peran: Peran(rawValue: m.peran)?.label ?? m.peran, ikatan: (m.kodeWilayah ?? m.kodeOPD).flatMap { nama[$0] },
                  aktif: m.aktif, terakhirMasuk: m.terakhirMasuk.map(TanggalIndonesia.denganJam))
        }
        let lanjut = halaman.lanjut.map { c in "/pengguna?cursor=\(c)" + (filter.isEmpty ? "" : "&peran=\(filter)") }
        return try await req.halaman("pengguna-daftar", KonteksDaftar(
            tata: req.tata("Pengguna"), daftar: daftar, kosong: daftar.isEmpty, bolehKelola: Kebijakan.boleh(req.aktor, .kelolaPengguna),
            filterPeran: filter, pilihanPeran: Peran.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            lanjut: lanjut))
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

    /// What an account can be bound to, as the form's choices.
    private func pilihan(_ req: Request) async throws -> (wilayah: [Pilihan], opd: [Pilihan], kim: [Pilihan]) {
        let (w, o, k) = try await LayananAkun(l: req.lingkungan).pilihanIkatan()
        var namaKec: [String: String] = [:]
        for x in w where x.tingkat == .kecamatan { namaKec[x.kode.nilai] = x.nama }
        let wilayah = w.map { x in
            let grup = x.tingkat == .kecamatan ? x.nama : (namaKec[x.kodeInduk] ?? "")
            return Pilihan(nilai: x.kode.nilai, label: "\(x.namaLengkap) (\(x.kode.nilai))", grup: "Kecamatan \(grup)")
        }
        return (wilayah, o.map { Pilihan(nilai: $0.id!, label: $0.nama) }, k.map { Pilihan(nilai: $0.id!.uuidString, label: $0.nama) })
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
            let m = try await LayananAkun(l: req.lingkungan).buat(username: isian.username ?? "", nama: isian.nama ?? "",
                                                                  kataSandi: isian.kataSandi ?? "", peran: isian.peran ?? "",
                                                                  kodeWilayah: isian.kodeWilayah, kodeOPD: isian.kodeOpd,
                                                                  kimID: try idKim(isian.kimId))
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
            token = try await LayananToken(l: req.lingkungan).milik(try m.requireID()).map { BarisToken($0, sekarang: req.sekarang) }
            (pilihanW, pilihanO, pilihanK) = try await pilihan(req)
        }
        let nama = try await LayananAkun(l: req.lingkungan).namaIkatan([m])
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
            let layanan = LayananAkun(l: req.lingkungan)
            let penugasan = try await layanan.penugasan(peran: isian.peran, kodeWilayah: isian.kodeWilayah, kodeOPD: isian.kodeOpd,
                                                        kimID: try idKim(isian.kimId), lama: nil)
            try await layanan.ubah(m, nama: isian.nama, penugasan: penugasan, aktif: nil)
        }
    }

    struct IsianStatus: Content { var aktif: String? }

    @Sendable func ubahStatus(req: Request) async throws -> Response {
        let aktif = try req.content.decode(IsianStatus.self).aktif == "1"
        return try await ubahDenganForm(req, berhasil: aktif ? "Pengguna diaktifkan." : "Pengguna dinonaktifkan.") { m in
            try await LayananAkun(l: req.lingkungan).ubah(m, nama: nil, penugasan: nil, aktif: aktif)
        }
    }

    @Sendable func setelKataSandi(req: Request) async throws -> Response {
        let isian = try req.content.decode(Isian.self)
        return try await ubahDenganForm(req, berhasil: "Kata sandi diganti; sesi dan token lama pengguna ini diakhiri.") { m in
            try await LayananAkun(l: req.lingkungan).setelKataSandi(m, isian.kataSandi ?? "")
        }
    }

    struct IsianToken: Content { var nama: String? }

    @Sendable func terbitkanToken(req: Request) async throws -> Response {
        try req.wajib(.kelolaToken)
        let m = try await cari(req)
        let nama = (try req.content.decode(IsianToken.self).nama).flatMap { $0.isEmpty ? nil : $0 } ?? "Token API"
        let (_, token) = try await LayananToken(l: req.lingkungan).terbitkan(untuk: m, nama: nama)
        return try await renderDetail(req, m, tokenBaru: token, status: .created)
    }
}

/// An optional KIM id from a form or JSON field; empty means none.
func idKim(_ teks: String?) throws -> UUID? {
    guard let teks, !teks.isEmpty else { return nil }
    guard let id = UUID(uuidString: teks) else { throw KesalahanIsian("kim_id", "ID KIM tidak valid.") }
    return id
}

extension Request {
    /// `?peran=` of an account list.
    func peranDiminta() throws -> Peran? {
        guard let p = try kueri["peran"], !p.isEmpty else { return nil }
        guard let peran = Peran(rawValue: p) else { throw ParameterTidakValid("Parameter peran tidak dikenal.") }
        return peran
    }
}
