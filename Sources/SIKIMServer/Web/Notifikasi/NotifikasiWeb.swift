import SIKIMCore
import Vapor

/// The notification list: newest first, opening one marks it read and follows its link.
struct NotifikasiWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("notifikasi", use: daftar)
        routes.get("notifikasi", ":notifikasi", use: buka)
        routes.post("notifikasi", "baca-semua", use: bacaSemua)
    }

    struct Baris: Encodable { let id: String; let judul: String; let waktu: String; let dibaca: Bool }
    struct Konteks: Encodable { let tata: Tata; let csrf: String; let daftar: [Baris]; let kosong: Bool }

    @Sendable func daftar(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let daftar = try await LayananNotifikasi(l: req.lingkungan).terbaru(p.aktor.id)
        return try await req.halaman("notifikasi", Konteks(tata: req.tata("Notifikasi"), csrf: req.tokenCSRF, daftar: daftar.map {
            Baris(id: $0.id!.uuidString, judul: $0.judul, waktu: TanggalIndonesia.denganJam($0.dibuatPada), dibaca: $0.dibaca)
        }, kosong: daftar.isEmpty))
    }

    @Sendable func buka(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        guard let id = req.parameters.get("notifikasi", as: UUID.self) else { throw TidakDitemukan("Notifikasi") }
        let n = try await LayananNotifikasi(l: req.lingkungan).buka(id, pengguna: p.aktor.id)
        return req.redirect(to: MasukWeb.jalurAman(n.tautan))
    }

    @Sendable func bacaSemua(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        try await LayananNotifikasi(l: req.lingkungan).bacaSemua(p.aktor.id)
        return req.alihkan("/notifikasi", kilat: "Semua notifikasi ditandai sudah dibaca.")
    }
}
