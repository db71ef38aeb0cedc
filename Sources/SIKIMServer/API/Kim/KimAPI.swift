import SIKIMCore
import SIKIMData
import Vapor

/// `/api/v1/kim`: the KIM registry, its board and its lifecycle as JSON.
struct KimAPI: RouteCollection {
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

    private static let ubahKim: @Sendable (KimModel) -> Tindakan = { .ubahKim(wilayah: $0.wilayah, kim: $0.id) }

    /// A KIM as the actor sees it (`TampilanKim`): in full within their scope, as the directory
    /// shows it otherwise.
    private func dto(_ req: Request, _ m: KimModel) async throws -> KimDTO {
        guard let t = LayananKim.tampilan(m, untuk: req.aktor) else { throw TidakDitemukan("KIM") }
        let l = req.lingkungan
        return try KimDTO(m, tampilan: t, pengurus: t.boleh(.pengurus) ? try await LayananKim(l: l).pengurus(m) : [],
                          aktivitas: try await LayananAktivitas(l: l).keadaan([m])[m.id!])
    }

    @Sendable func daftar(req: Request) async throws -> Halaman<KimDTO> {
        let l = req.lingkungan
        let halaman = try await LayananKim(l: l).halaman(try req.saringanKim(), try req.paginasi())
        let cakupan = Kebijakan.cakupanKim(req.aktor)
        let tampilan = halaman.isi.map { LayananKim.tampilan($0, untuk: req.aktor, cakupan: cakupan) }
        let pengurus = tampilan.contains { $0?.boleh(.pengurus) == true } ? try await LayananKim(l: l).pengurus(halaman.isi) : [:]
        let aktivitas = try await LayananAktivitas(l: l).keadaan(halaman.isi)
        return Halaman(data: try zip(halaman.isi, tampilan).compactMap { m, t in
            try t.map { try KimDTO(m, tampilan: $0, pengurus: pengurus[m.id!] ?? [], aktivitas: aktivitas[m.id!]) }
        }, nextCursor: halaman.lanjut)
    }

    /// Anyone may read an active KIM as the directory shows it; its people only within scope.
    @Sendable func detail(req: Request) async throws -> KimDTO {
        try await dto(req, try await LayananKim(l: req.lingkungan).terlihat(req.parameters.get("kim", as: UUID.self), untuk: req.aktor).0)
    }

    @Sendable func buat(req: Request) async throws -> Response {
        try req.wajib(.bentukKim) // before the fields: who may not form a KIM learns nothing from validation
        let m = try await LayananKim(l: req.lingkungan).buat(try req.content.decode(IsianKim.self), oleh: req.aktor)
        return try await dto(req, m).encodeResponse(status: .created, for: req)
    }

    @Sendable func ubah(req: Request) async throws -> KimDTO {
        let isian = try req.content.decode(IsianKim.self)
        let m = try await req.kim(boleh: { .ubahBidangKim(wilayah: $0.wilayah, kim: $0.id!, bidang: isian.bidangDiisi) })
        try await LayananKim(l: req.lingkungan).ubah(m, isian, versi: isian.versi)
        return try await dto(req, m)
    }

    @Sendable func daftarPengurus(req: Request) async throws -> Halaman<PengurusDTO> {
        let m = try await req.kim()
        return Halaman(data: try await LayananKim(l: req.lingkungan).pengurus(m).map(PengurusDTO.init), nextCursor: nil)
    }

    @Sendable func tambahPengurus(req: Request) async throws -> Response {
        let m = try await req.kim(boleh: Self.ubahKim)
        let p = try await LayananKim(l: req.lingkungan).simpanPengurus(m, try req.content.decode(IsianPengurus.self))
        return try await PengurusDTO(p).encodeResponse(status: .created, for: req)
    }

    @Sendable func ubahPengurus(req: Request) async throws -> PengurusDTO {
        let m = try await req.kim(boleh: Self.ubahKim)
        let lama = try await req.pengurus(kim: m)
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
        return try PengurusDTO(try await LayananKim(l: req.lingkungan).simpanPengurus(m, isian, ganti: lama))
    }

    @Sendable func hapusPengurus(req: Request) async throws -> HTTPStatus {
        let m = try await req.kim(boleh: Self.ubahKim)
        try await LayananKim(l: req.lingkungan).hapusPengurus(m, try await req.pengurus(kim: m))
        return .noContent
    }

    @Sendable func riwayat(req: Request) async throws -> Halaman<TransisiKimDTO> {
        let m = try await req.kim()
        return Halaman(data: try await LayananKim(l: req.lingkungan).riwayat(m).map(TransisiKimDTO.init), nextCursor: nil)
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
        let m = try await req.kim()
        let b = try req.content.decode(PermintaanTransisi.self)
        guard let ke = StatusKim(rawValue: b.ke) else { throw ParameterTidakValid("Status tujuan \"\(b.ke.prefix(40))\" tidak dikenal.") }
        let aksi = SiklusKim.aksi(menuju: ke, dari: m.statusKim)
        _ = try await LayananKim(l: req.lingkungan).transisi(m, aksi: aksi, data: try DataTransisi.dari(catatan: b.catatan, nomorSK: b.nomorSk,
                                                                                                       tanggalSK: b.tanggalSk),
                                                            oleh: p.pelaku, versi: b.versi)
        return try await dto(req, m)
    }
}
