import SIKIMCore
import Vapor

/// The phone app (issue 20), an enhancement of the pengurus pages: its home with the outbox,
/// and the device credential it sends the outbox with. Everything it sends goes through the
/// API, into the same services as the pages.
struct AplikasiWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("aplikasi", use: beranda)
        routes.post("aplikasi", "perangkat", use: perangkat)
    }

    struct Konteks: Encodable { let tata: Tata }

    /// Works offline from the service worker's copy; the outbox is drawn by `aplikasi.js`.
    @Sendable func beranda(req: Request) async throws -> Response {
        try req.wajib(.kirimLaporan)
        return try await req.halaman("aplikasi", Konteks(tata: req.tata("Aplikasi di ponsel")))
    }

    struct JawabanPerangkat: Content {
        let token: String
        let nama: String
        let berlakuSampai: Date
        enum CodingKeys: String, CodingKey { case token, nama, berlakuSampai = "berlaku_sampai" }
    }

    /// A device credential for this phone: an API token of the signed-in account, listed on
    /// the account page ("Token API") where its owner or the admin revokes it in one step.
    /// The app names the phone (`X-SIKIM-Perangkat`, its own id): a new credential for the same
    /// phone replaces the one before, and revoking it signs the phone's session out as well.
    @Sendable func perangkat(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        try req.wajib(.kirimLaporan)
        let nama = "Aplikasi di ponsel · " + TanggalIndonesia.panjang(Tanggal(req.sekarang))
        let ponsel = req.headers.first(name: "X-SIKIM-Perangkat").flatMap(UUID.init(uuidString:))
            .map { LayananToken.Ponsel(id: $0.uuidString, sesi: req.session.id?.string) }
        let (m, token) = try await LayananToken(l: req.lingkungan).terbitkan(untuk: p.model, nama: nama, ponsel: ponsel)
        let res = try await JawabanPerangkat(token: token, nama: m.nama, berlakuSampai: m.kedaluwarsaPada ?? req.sekarang)
            .encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }
}
