import Foundation
import SIKIMCore
import SIKIMData

/// A user's notices in the application.
struct LayananNotifikasi {
    let l: Lingkungan
    private var data: RepositoriNotifikasi { RepositoriNotifikasi(db: l.db, jam: l.jam) }

    func terbaru(_ pengguna: UUID) async throws -> [NotifikasiModel] { try await data.terbaru(untuk: pengguna) }

    func jumlahBelumDibaca(_ pengguna: UUID) async throws -> Int { try await data.jumlahBelumDibaca(pengguna) }

    /// Opens one of the user's notices (read from then on); another's does not exist for them.
    func buka(_ id: UUID, pengguna: UUID) async throws -> NotifikasiModel {
        guard let n = try await data.buka(id, pengguna: pengguna) else { throw TidakDitemukan("Notifikasi") }
        return n
    }

    func bacaSemua(_ pengguna: UUID) async throws { try await data.bacaSemua(pengguna) }
}
