import SIKIMCore
import SIKIMData
import Vapor

/// The public directory of legalised, active KIMs.
struct DirektoriWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("direktori", use: direktori)
        routes.get("direktori", ":kim", use: detail)
    }

    static func url(_ id: UUID) -> String { "/direktori/\(id)" }

    /// What the public directory shows of a KIM: no people, so no board is read.
    struct BarisDirektori: Encodable {
        let url: String
        let nama: String
        let wilayah: String
        let tanggalPembentukan: String?
        let fokus: String
    }

    struct KonteksDirektori: Encodable {
        let tata: Tata
        let daftar: [BarisDirektori]
        let kosong: Bool
        let lanjut: String?
    }

    /// The public directory: legalised, active KIMs, no people and no phone numbers.
    @Sendable func direktori(req: Request) async throws -> Response {
        let l = req.lingkungan
        let halaman = try await LayananKim(l: l).halaman(SaringanKim(cakupan: .tidakAda), try req.paginasi())
        let nama = try await LayananWilayah(l: l).nama(halaman.isi.map(\.kodeWilayah))
        let daftar = halaman.isi.map { m in
            BarisDirektori(url: Self.url(m.id!), nama: m.nama, wilayah: nama[m.kodeWilayah] ?? m.kodeWilayah,
                           tanggalPembentukan: m.tanggalPembentukanPanjang,
                           fokus: m.fokus.joined(separator: ", "))
        }
        return try await req.halaman("direktori", KonteksDirektori(tata: req.tata("Direktori KIM"), daftar: daftar,
                                                                   kosong: daftar.isEmpty, lanjut: halaman.lanjut.map { "/direktori?cursor=\($0)" }))
    }

    struct KonteksDetail: Encodable {
        let tata: Tata
        let id: String
        let nama: String
        let tingkat: String
        let kodeWilayah: String
        let wilayah: String
        let status: String
        let statusLabel: String
        let tanggalPembentukan: String?
        let fokus: String
        let skDesa: String?
        let skKecamatan: String?
        let aktivitas: String
        let statusAktivitas: String
        let diubah: String
    }

    /// An active KIM's public page: exactly what `TampilanKim` gives the public (its people
    /// and contacts never). Those whose scope covers it are sent to its full page.
    @Sendable func detail(req: Request) async throws -> Response {
        let l = req.lingkungan
        let (m, t) = try await LayananKim(l: l).terlihat(req.parameters.get("kim", as: UUID.self), untuk: req.aktor)
        if t.dalamCakupan { return req.redirect(to: "/kim/\(m.id!)") }
        let nama = try await LayananWilayah(l: l).nama([m.kodeWilayah])
        let a = try await LayananAktivitas(l: l).keadaan([m])[m.id!]?.status ?? .belumAktif
        return try await req.halaman("direktori-detail", KonteksDetail(
            tata: req.tata(m.nama), id: m.id!.uuidString, nama: m.nama, tingkat: m.tingkatKim.tingkatWilayah.label, kodeWilayah: m.kodeWilayah,
            wilayah: nama[m.kodeWilayah] ?? m.kodeWilayah, status: m.status, statusLabel: m.statusKim.label,
            tanggalPembentukan: m.tanggalPembentukanPanjang, fokus: m.fokus.joined(separator: ", "),
            skDesa: KimWeb.sk(m.nomorSKDesa, m.tanggalSKDesa), skKecamatan: KimWeb.sk(m.nomorSKKecamatan, m.tanggalSKKecamatan),
            aktivitas: a.label, statusAktivitas: a.rawValue, diubah: TanggalIndonesia.denganJam(m.diubahPada)))
    }
}
