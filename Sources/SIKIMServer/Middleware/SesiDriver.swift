import SIKIMCore
import SIKIMData
import Vapor

enum KunciSesi {
    static let pengguna = "pengguna"
    static let csrf = "csrf"
    /// A submission kept when its session ended (`KirimanTersimpan`).
    static let kiriman = "kiriman"
}

/// Database-backed sessions with an idle expiry. Unlike Fluent's stock driver it expires
/// sessions, keeps the owner in a column, and skips the write when nothing changed.
struct SesiDriver: AsyncSessionDriver {
    let umur: TimeInterval
    /// Extend the expiry at most this often, so reading pages does not write every time.
    let jedaPerpanjang: TimeInterval = 300

    struct Terbaca { let data: [String: String]; let kedaluwarsa: Date }
    /// An expired session, and whose it was.
    struct Berakhir { let pemilik: UUID? }

    func createSession(_ data: SessionData, for req: Request) async throws -> SessionID {
        let id = SessionID(string: Acak.rahasia())
        // An empty session is not worth a row; its cookie will simply find nothing.
        guard !data.snapshot.isEmpty else { return id }
        let sekarang = req.sekarang
        try await RepositoriSesi(db: req.db).buat(id: id.string, data: data.snapshot, pengguna: data[KunciSesi.pengguna],
                                                  sampai: sekarang + umur, sekarang: sekarang)
        return id
    }

    func readSession(_ id: SessionID, for req: Request) async throws -> SessionData? {
        let data = RepositoriSesi(db: req.db)
        guard let s = try await data.cari(id.string) else { return nil }
        guard s.kedaluwarsaPada > req.sekarang else {
            try await data.hapus(id.string)
            req.sesiYangBerakhir = Berakhir(pemilik: s.data[KunciSesi.pengguna].flatMap(UUID.init(uuidString:)))
            return nil
        }
        req.sesiTerbaca = Terbaca(data: s.data, kedaluwarsa: s.kedaluwarsaPada)
        return SessionData(initialData: s.data)
    }

    func updateSession(_ id: SessionID, to data: SessionData, for req: Request) async throws -> SessionID {
        let sekarang = req.sekarang
        if let lama = req.sesiTerbaca, lama.data == data.snapshot, lama.kedaluwarsa.timeIntervalSince(sekarang) > umur - jedaPerpanjang {
            return id
        }
        try await RepositoriSesi(db: req.db).ubah(id.string, data: data.snapshot, pengguna: data[KunciSesi.pengguna], sampai: sekarang + umur)
        return id
    }

    func deleteSession(_ id: SessionID, for req: Request) async throws {
        try await RepositoriSesi(db: req.db).hapus(id.string)
    }
}

extension Request {
    /// The session's CSRF token for a page, disguised anew each time (`Acak.samarkan`),
    /// creating the session when a form is first shown.
    var tokenCSRF: String {
        if let t = session.data[KunciSesi.csrf] { return Acak.samarkan(t) }
        let t = Acak.rahasia()
        session.data[KunciSesi.csrf] = t
        return Acak.samarkan(t)
    }
}
