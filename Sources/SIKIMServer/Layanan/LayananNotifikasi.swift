import SIKIMData
import Fluent
import SQLKit
import Foundation
import SIKIMCore
import Vapor

extension Request {

    private struct BelumDibacaKey: StorageKey { typealias Value = Int }

    /// Unread notices of the signed-in user, counted once per page request.
    var notifikasiBelumDibaca: Int? {
        get { storage[BelumDibacaKey.self] }
        set { storage[BelumDibacaKey.self] = newValue }
    }
}

/// The notification list: newest first, opening one marks it read and follows its link.
struct NotifikasiController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("notifikasi", use: daftar)
        routes.get("notifikasi", ":notifikasi", use: buka)
        routes.post("notifikasi", "baca-semua", use: bacaSemua)
    }

    struct Baris: Encodable { let id: String; let judul: String; let waktu: String; let dibaca: Bool }
    struct Konteks: Encodable { let tata: Tata; let csrf: String; let daftar: [Baris]; let kosong: Bool }

    @Sendable func daftar(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let daftar = try await NotifikasiModel.query(on: req.db).filter(\.$penggunaID == p.aktor.id)
            .sort(\.$dibuatPada, .descending).limit(100).all()
        return try await req.halaman("notifikasi", Konteks(tata: req.tata("Notifikasi"), csrf: req.tokenCSRF, daftar: daftar.map {
            Baris(id: $0.id!.uuidString, judul: $0.judul, waktu: TanggalIndonesia.denganJam($0.dibuatPada), dibaca: $0.dibaca)
        }, kosong: daftar.isEmpty))
    }

    @Sendable func buka(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        guard let id = req.parameters.get("notifikasi", as: UUID.self), let n = try await NotifikasiModel.find(id, on: req.db),
              n.penggunaID == p.aktor.id else { throw KesalahanHTTP.tidakDitemukan("Notifikasi") }
        if !n.dibaca { n.dibaca = true; try await n.update(on: req.db) }
        return req.redirect(to: AutentikasiController.jalurAman(n.tautan))
    }

    @Sendable func bacaSemua(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        try await NotifikasiModel.query(on: req.db).filter(\.$penggunaID == p.aktor.id).filter(\.$dibaca == false)
            .set(\.$dibaca, to: true).update()
        return req.alihkan("/notifikasi", kilat: "Semua notifikasi ditandai sudah dibaca.")
    }
}
