import SIKIMCore
import SIKIMData
import Fluent
import Vapor

enum KunciSesi {
    static let pengguna = "pengguna"
    static let csrf = "csrf"
}

/// Database-backed sessions with an idle expiry. Unlike Fluent's stock driver it expires
/// sessions, keeps the owner in a column, and skips the write when nothing changed.
struct SesiDriver: AsyncSessionDriver {
    let umur: TimeInterval
    /// Extend the expiry at most this often, so reading pages does not write every time.
    let jedaPerpanjang: TimeInterval = 300

    private struct Terbaca: StorageKey { typealias Value = (data: [String: String], kedaluwarsa: Date) }
    struct Berakhir: StorageKey { typealias Value = Bool }

    func createSession(_ data: SessionData, for req: Request) async throws -> SessionID {
        let id = SessionID(string: Acak.rahasia())
        // An empty session is not worth a row; its cookie will simply find nothing.
        guard !data.snapshot.isEmpty else { return id }
        let sekarang = req.sekarang
        try await SesiModel.query(on: req.db).filter(\.$kedaluwarsaPada < sekarang).delete()
        try await SesiModel(id: id.string, data: data.snapshot, penggunaID: data[KunciSesi.pengguna], kedaluwarsaPada: sekarang + umur).create(on: req.db)
        return id
    }

    func readSession(_ id: SessionID, for req: Request) async throws -> SessionData? {
        guard let s = try await SesiModel.find(id.string, on: req.db) else { return nil }
        guard s.kedaluwarsaPada > req.sekarang else {
            try await s.delete(on: req.db)
            req.storage[Berakhir.self] = true
            return nil
        }
        req.storage[Terbaca.self] = (s.data, s.kedaluwarsaPada)
        return SessionData(initialData: s.data)
    }

    func updateSession(_ id: SessionID, to data: SessionData, for req: Request) async throws -> SessionID {
        let sekarang = req.sekarang
        if let lama = req.storage[Terbaca.self], lama.data == data.snapshot,
           lama.kedaluwarsa.timeIntervalSince(sekarang) > umur - jedaPerpanjang {
            return id
        }
        try await SesiModel.query(on: req.db).filter(\.$id == id.string)
            .set(\.$data, to: data.snapshot)
            .set(\.$penggunaID, to: data[KunciSesi.pengguna])
            .set(\.$kedaluwarsaPada, to: sekarang + umur)
            .update()
        return id
    }

    func deleteSession(_ id: SessionID, for req: Request) async throws {
        try await SesiModel.query(on: req.db).filter(\.$id == id.string).delete()
    }
}

extension Request {
    /// True when the request carried a session cookie whose session had expired.
    var sesiBerakhir: Bool { storage[SesiDriver.Berakhir.self] ?? false }

    /// The session's CSRF token, creating the session when a form is first shown.
    var tokenCSRF: String {
        if let t = session.data[KunciSesi.csrf] { return t }
        let t = Acak.rahasia()
        session.data[KunciSesi.csrf] = t
        return t
    }
}
